package care.rapport.measures;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads the fields of one JSON object, reporting each missing or mistyped field under its path
 * instead of stopping at the first. A reader that finds a problem gets a harmless stand-in value back
 * ("" / 0 / the first constant) so it can go on; nothing is built while problems exist.
 */
final class JsonFields {

	private final JsonNode node;

	private final String path;

	private final Problems problems;

	private JsonFields(JsonNode node, String path, Problems problems) {
		this.node = node;
		this.path = path;
		this.problems = problems;
	}

	static JsonFields root(JsonNode node, Problems problems) {
		return new JsonFields(node, "", problems);
	}

	private String pathOf(String name) {
		return path.isEmpty() ? name : path + "." + name;
	}

	private @Nullable JsonNode value(String name) {
		JsonNode value = node.get(name);
		return value == null || value.isNull() ? null : value;
	}

	void report(String name, String message) {
		problems.add(pathOf(name), message);
	}

	boolean has(String name) {
		return value(name) != null;
	}

	/** Names every field that is not one of {@code known}, which is how typos in field names show up. */
	void allowOnly(String... known) {
		Set<String> allowed = Set.of(known);
		for (String name : node.propertyNames()) {
			if (!allowed.contains(name)) {
				problems.add(pathOf(name), "unknown field (expected one of " + String.join(", ", known) + ")");
			}
		}
	}

	String text(String name) {
		JsonNode value = value(name);
		if (value == null) {
			problems.add(pathOf(name), "missing");
			return "";
		}
		return textOf(value, pathOf(name));
	}

	@Nullable String optionalText(String name) {
		JsonNode value = value(name);
		return value == null ? null : textOf(value, pathOf(name));
	}

	private String textOf(JsonNode value, String at) {
		if (!value.isString()) {
			problems.add(at, "must be text");
			return "";
		}
		return value.stringValue();
	}

	int whole(String name) {
		JsonNode value = value(name);
		if (value == null) {
			problems.add(pathOf(name), "missing");
			return 0;
		}
		return wholeOf(value, pathOf(name));
	}

	private int wholeOf(JsonNode value, String at) {
		if (value.isNumber()) {
			BigDecimal number = value.decimalValue().stripTrailingZeros();
			if (number.scale() <= 0 && number.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
				return number.intValueExact();
			}
		}
		problems.add(at, "must be a whole number");
		return 0;
	}

	BigDecimal number(String name) {
		BigDecimal number = optionalNumber(name);
		if (number == null && !has(name)) {
			problems.add(pathOf(name), "missing");
		}
		return number == null ? BigDecimal.ZERO : number;
	}

	@Nullable BigDecimal optionalNumber(String name) {
		JsonNode value = value(name);
		if (value == null) {
			return null;
		}
		if (!value.isNumber()) {
			problems.add(pathOf(name), "must be a number");
			return null;
		}
		return value.decimalValue();
	}

	boolean flag(String name) {
		JsonNode value = value(name);
		if (value == null) {
			problems.add(pathOf(name), "missing; say true or false");
			return false;
		}
		return flagOf(value, pathOf(name));
	}

	boolean flag(String name, boolean whenAbsent) {
		JsonNode value = value(name);
		return value == null ? whenAbsent : flagOf(value, pathOf(name));
	}

	private boolean flagOf(JsonNode value, String at) {
		if (!value.isBoolean()) {
			problems.add(at, "must be true or false");
			return false;
		}
		return value.booleanValue();
	}

	<E extends Enum<E>> E choice(String name, Class<E> type) {
		E[] choices = type.getEnumConstants();
		String text = text(name);
		if (text.isEmpty()) {
			return choices[0];
		}
		return Arrays.stream(choices).filter(c -> c.name().equals(text)).findFirst().orElseGet(() -> {
			problems.add(pathOf(name), "'" + text + "' must be one of "
					+ Arrays.stream(choices).map(Enum::name).collect(Collectors.joining(", ")));
			return choices[0];
		});
	}

	@Nullable JsonFields optionalObject(String name) {
		JsonNode value = value(name);
		if (value == null) {
			return null;
		}
		if (!value.isObject()) {
			problems.add(pathOf(name), "must be an object");
			return null;
		}
		return new JsonFields(value, pathOf(name), problems);
	}

	/** The objects of an array field; an absent field is reported when required, else read as empty. */
	List<JsonFields> objects(String name, boolean required) {
		List<JsonFields> objects = new ArrayList<>();
		List<JsonNode> elements = elements(name, required);
		for (int i = 0; i < elements.size(); i++) {
			String at = pathOf(name) + "[" + i + "]";
			if (elements.get(i).isObject()) {
				objects.add(new JsonFields(elements.get(i), at, problems));
			}
			else {
				problems.add(at, "must be an object");
			}
		}
		return objects;
	}

	/** The texts of a required array field, such as the item ids of a subscale. */
	List<String> texts(String name) {
		List<String> texts = new ArrayList<>();
		List<JsonNode> elements = elements(name, true);
		for (int i = 0; i < elements.size(); i++) {
			texts.add(textOf(elements.get(i), pathOf(name) + "[" + i + "]"));
		}
		return texts;
	}

	private List<JsonNode> elements(String name, boolean required) {
		JsonNode value = value(name);
		if (value == null) {
			if (required) {
				problems.add(pathOf(name), "missing");
			}
			return List.of();
		}
		if (!value.isArray()) {
			problems.add(pathOf(name), "must be a list");
			return List.of();
		}
		return List.copyOf(value.values());
	}

}
