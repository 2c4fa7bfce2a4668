package care.rapport.measures;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import care.rapport.practice.PracticeId;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The instruments Rapport ships with, read from {@code classpath*:instruments/*.json} when the
 * application starts. A definition file that is wrong stops the start, naming the file and each wrong
 * field, because scoring with a half-read questionnaire would be worse than not starting.
 */
@Component
public class Instruments {

	static final String LOCATION = "classpath*:instruments/*.json";

	private final Map<String, InstrumentDefinition> byCode;

	private final @Nullable ObjectProvider<PracticeInstrumentSource> practiceSource;

	@Autowired
	Instruments(ObjectProvider<PracticeInstrumentSource> practiceSource) {
		this(loadShipped(), practiceSource);
	}

	Instruments() {
		this(loadShipped(), null);
	}

	private Instruments(List<InstrumentDefinition> definitions) {
		this(definitions, null);
	}

	private Instruments(List<InstrumentDefinition> definitions,
			@Nullable ObjectProvider<PracticeInstrumentSource> practiceSource) {
		this.practiceSource = practiceSource;
		Map<String, InstrumentDefinition> codes = new LinkedHashMap<>();
		definitions.stream().sorted(Comparator.comparing(InstrumentDefinition::code)).forEach(definition -> {
			if (codes.putIfAbsent(definition.code(), definition) != null) {
				throw new IllegalArgumentException("two definitions have the code " + definition.code());
			}
		});
		this.byCode = codes;
	}

	/** The shipped instruments, for code that runs without a Spring context (tests, tools). */
	public static Instruments shipped() {
		return new Instruments();
	}

	/** A fixed set of definitions, e.g. for tests of modules that build on this one. */
	public static Instruments of(InstrumentDefinition... definitions) {
		return new Instruments(List.of(definitions));
	}

	/** Finds an instrument by code, ignoring case. */
	public Optional<InstrumentDefinition> find(String code) {
		return Optional.ofNullable(byCode.get(code.toUpperCase(Locale.ROOT)));
	}

	/**
	 * @throws NoSuchElementException when no instrument has this code
	 */
	public InstrumentDefinition get(String code) {
		return find(code).orElseThrow(
				() -> new NoSuchElementException("No instrument " + code + "; known are " + byCode.keySet()));
	}

	/** All instruments, ordered by code. */
	public List<InstrumentDefinition> all() {
		return List.copyOf(byCode.values());
	}

	/** Finds an instrument a practice may use: one Rapport ships, or one the practice imported. */
	public Optional<InstrumentDefinition> find(PracticeId practice, String code) {
		return find(code).or(() -> practiceOwn(practice).stream()
			.filter(d -> d.code().equalsIgnoreCase(code))
			.findFirst());
	}

	/**
	 * @throws NoSuchElementException when neither Rapport nor the practice has an instrument with this code
	 */
	public InstrumentDefinition get(PracticeId practice, String code) {
		return find(practice, code)
			.orElseThrow(() -> new NoSuchElementException("No instrument " + code + " for practice " + practice));
	}

	/** The shipped instruments followed by the practice's own, each group ordered by code. */
	public List<InstrumentDefinition> all(PracticeId practice) {
		var all = new java.util.ArrayList<>(all());
		practiceOwn(practice).stream()
			.filter(d -> !byCode.containsKey(d.code()))
			.sorted(Comparator.comparing(InstrumentDefinition::code))
			.forEach(all::add);
		return List.copyOf(all);
	}

	private List<InstrumentDefinition> practiceOwn(PracticeId practice) {
		PracticeInstrumentSource source = practiceSource == null ? null : practiceSource.getIfAvailable();
		return source == null ? List.of() : source.definitions(practice);
	}

	/**
	 * Reads a definition, e.g. one an administrator uploads. It is not added to this set.
	 * @throws InstrumentFormatException naming every wrong field; nothing partial is returned
	 */
	public InstrumentDefinition parse(InputStream json) {
		return DefinitionReader.read(json);
	}

	private static List<InstrumentDefinition> loadShipped() {
		Resource[] files;
		try {
			files = new PathMatchingResourcePatternResolver(Instruments.class.getClassLoader()).getResources(LOCATION);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list " + LOCATION, ex);
		}
		if (files.length == 0) {
			throw new IllegalStateException("No instrument definitions found at " + LOCATION);
		}
		List<InstrumentDefinition> definitions = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		Map<String, String> fileOfCode = new LinkedHashMap<>();
		for (Resource file : files) {
			String name = String.valueOf(file.getFilename());
			try (InputStream json = file.getInputStream()) {
				InstrumentDefinition definition = DefinitionReader.read(json);
				String earlier = fileOfCode.putIfAbsent(definition.code(), name);
				if (earlier != null) {
					problems.add(name + ": code: " + definition.code() + " is already defined in " + earlier);
				}
				definitions.add(definition);
			}
			catch (InstrumentFormatException ex) {
				problems.addAll(ex.from(name).problems());
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read " + file.getDescription(), ex);
			}
		}
		if (!problems.isEmpty()) {
			throw new InstrumentFormatException(problems);
		}
		return definitions;
	}

}
