package care.rapport.imports;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A history file read into rows, with every problem found on the way. Two formats, told apart by
 * the header:
 * <ul>
 * <li>wide, one row per client and session, header exactly {@link #WIDE_HEADER}; item cells may be
 * empty where only a total is known, and an instrument whose cells are all empty is skipped;</li>
 * <li>long, one row per answered instrument, header {@link #LONG_HEADER}: {@code answers} holds
 * item answers in item order separated by spaces (e.g. {@code 2 1 0 3 1 0 2 1 0}), or is empty when
 * only {@code total} is known; sessions are numbered by date per client.</li>
 * </ul>
 * Pure: no database, so it is tested as a unit.
 */
public final class HistoryFile {

	public static final String WIDE_HEADER = "client,session,date,phq9_1,phq9_2,phq9_3,phq9_4,phq9_5,phq9_6,phq9_7,"
			+ "phq9_8,phq9_9,phq9_total,gad7_1,gad7_2,gad7_3,gad7_4,gad7_5,gad7_6,gad7_7,gad7_total,checkin_1,checkin_2,"
			+ "checkin_3,checkin_4";

	public static final String LONG_HEADER = "client,date,instrument,answers,total";

	/** The instruments of the wide format: code, column prefix, items, whether a total column follows. */
	private record Block(String code, String prefix, int items, boolean total) {
	}

	private static final List<Block> WIDE = List.of(new Block("PHQ-9", "phq9", 9, true),
			new Block("GAD-7", "gad7", 7, true), new Block("CHECK-IN", "checkin", 4, false));

	/** Instruments of the long format and their number of items. */
	private static final Map<String, Integer> ITEMS = Map.of("PHQ-9", 9, "GAD-7", 7, "CHECK-IN", 4);

	/** One instrument answered at one session: item answers (q1, q2, … to value) and/or a total. */
	public record Response(String instrumentCode, Map<String, Integer> answers, @Nullable BigDecimal total) {
	}

	/** One client session of the file. {@code line} is the file's line number (the header is line 1). */
	public record Row(int line, String client, int session, LocalDate date, List<Response> responses) {
	}

	/** A problem with one line of the file (line 1 is the header; 0 is the whole file). */
	public record Problem(int line, @Nullable String client, String reason) {
	}

	private final List<Row> rows;

	private final List<Problem> problems;

	private final int lines;

	private HistoryFile(List<Row> rows, List<Problem> problems, int lines) {
		this.rows = List.copyOf(rows);
		this.problems = List.copyOf(problems);
		this.lines = lines;
	}

	/** Valid rows, grouped by client in the order clients first appear, each client's in session order. */
	public List<Row> rows() {
		return rows;
	}

	public List<Problem> problems() {
		return problems;
	}

	public boolean valid() {
		return problems.isEmpty();
	}

	/** Data lines, valid or not. */
	public int lines() {
		return lines;
	}

	public long clients() {
		return rows.stream().map(Row::client).distinct().count();
	}

	/**
	 * Reads a file. Never throws for bad content: every problem is listed with its line.
	 * @param maxBytes files larger than this are refused whole, unread
	 */
	public static HistoryFile read(byte[] content, long maxBytes) {
		var problems = new ArrayList<Problem>();
		if (content.length > maxBytes) {
			problems.add(new Problem(0, null, "The file is " + megabytes(content.length) + "; the limit is "
					+ megabytes(maxBytes) + ". Split it into smaller files (by client) and import each."));
			return new HistoryFile(List.of(), problems, 0);
		}
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content))
				.toString();
		}
		catch (CharacterCodingException ex) {
			problems.add(new Problem(firstBadLine(content), null,
					"The file is not UTF-8 text. Save it as \u201cCSV UTF-8\u201d and try again."));
			return new HistoryFile(List.of(), problems, 0);
		}
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		String[] lines = text.split("\r?\n", -1);
		int last = lines.length;
		while (last > 0 && lines[last - 1].isBlank()) {
			last--;
		}
		if (last == 0) {
			problems.add(new Problem(0, null, "The file is empty."));
			return new HistoryFile(List.of(), problems, 0);
		}
		String header = lines[0].strip().toLowerCase(java.util.Locale.ROOT).replace(" ", "");
		List<String> data = Arrays.asList(lines).subList(1, last);
		if (header.equals(WIDE_HEADER)) {
			return wide(data, problems);
		}
		if (header.equals(LONG_HEADER)) {
			return longFormat(data, problems);
		}
		problems.add(new Problem(1, null, headerProblem(header)));
		return new HistoryFile(List.of(), problems, data.size());
	}

	private static String headerProblem(String header) {
		var expected = new ArrayList<>(Arrays.asList(WIDE_HEADER.split(",")));
		var given = new ArrayList<>(Arrays.asList(header.split(",")));
		var unknown = new ArrayList<>(given);
		unknown.removeAll(expected);
		unknown.removeAll(Arrays.asList(LONG_HEADER.split(",")));
		var missing = new ArrayList<>(expected);
		missing.removeAll(given);
		String detail = !unknown.isEmpty() ? "unknown columns: " + String.join(", ", unknown)
				: !missing.isEmpty() ? "missing columns: " + String.join(", ", missing) : "columns out of order";
		return "The header is neither of the two formats (" + detail + "). Use exactly \u201c" + WIDE_HEADER
				+ "\u201d or \u201c" + LONG_HEADER + "\u201d.";
	}

	private static HistoryFile wide(List<String> data, List<Problem> problems) {
		int columns = WIDE_HEADER.split(",").length;
		var rows = new ArrayList<Row>();
		for (int i = 0; i < data.size(); i++) {
			int line = i + 2;
			String[] cells = data.get(i).split(",", -1);
			String client = cells.length > 0 ? cells[0].strip() : "";
			var reasons = new ArrayList<String>();
			if (cells.length != columns) {
				problems.add(new Problem(line, client.isEmpty() ? null : client,
						cells.length + " cells where the header has " + columns + "."));
				continue;
			}
			if (client.isEmpty()) {
				reasons.add("the client id is missing");
			}
			else if (client.length() > 100) {
				reasons.add("the client id is longer than 100 characters");
			}
			Integer session = integer(cells[1], "session", 1, 1000, reasons);
			LocalDate date = date(cells[2], reasons);
			var responses = new ArrayList<Response>();
			int at = 3;
			for (Block block : WIDE) {
				String[] items = Arrays.copyOfRange(cells, at, at + block.items());
				String total = block.total() ? cells[at + block.items()] : "";
				at += block.items() + (block.total() ? 1 : 0);
				response(block.code(), items, total, reasons).ifPresent(responses::add);
			}
			if (responses.isEmpty() && reasons.isEmpty()) {
				reasons.add("no instrument has any answer or total");
			}
			if (!reasons.isEmpty() || session == null || date == null) {
				problems.add(new Problem(line, client.isEmpty() ? null : client, capitalised(String.join("; ", reasons)) + "."));
				continue;
			}
			rows.add(new Row(line, client, session, date, responses));
		}
		return ordered(rows, problems, data.size());
	}

	private static HistoryFile longFormat(List<String> data, List<Problem> problems) {
		record Answered(int line, String client, LocalDate date, Response response) {
		}
		var answered = new ArrayList<Answered>();
		for (int i = 0; i < data.size(); i++) {
			int line = i + 2;
			String[] cells = data.get(i).split(",", -1);
			String client = cells.length > 0 ? cells[0].strip() : "";
			if (cells.length != 5) {
				problems.add(new Problem(line, client.isEmpty() ? null : client,
						cells.length + " cells where the header has 5."));
				continue;
			}
			var reasons = new ArrayList<String>();
			if (client.isEmpty()) {
				reasons.add("the client id is missing");
			}
			LocalDate date = date(cells[1], reasons);
			String code = cells[2].strip().toUpperCase(java.util.Locale.ROOT);
			Integer items = ITEMS.get(code);
			java.util.Optional<Response> response = java.util.Optional.empty();
			if (items == null) {
				reasons.add("unknown instrument \u201c" + cells[2].strip() + "\u201d (use PHQ-9, GAD-7 or CHECK-IN)");
			}
			else {
				String[] values = cells[3].isBlank() ? new String[items] : cells[3].strip().split("\\s+");
				if (values.length != items) {
					reasons.add(code + " has " + items + " items, not " + values.length);
				}
				else {
					for (int k = 0; k < values.length; k++) {
						values[k] = values[k] == null ? "" : values[k];
					}
					response = response(code, values, cells[4], reasons);
					if (response.isEmpty() && reasons.isEmpty()) {
						reasons.add("neither answers nor a total");
					}
				}
			}
			if (!reasons.isEmpty() || date == null || response.isEmpty()) {
				problems.add(new Problem(line, client.isEmpty() ? null : client, capitalised(String.join("; ", reasons)) + "."));
				continue;
			}
			answered.add(new Answered(line, client, date, response.get()));
		}
		// Sessions by date per client: the answers of one date are one session.
		var byClient = new LinkedHashMap<String, java.util.TreeMap<LocalDate, List<Answered>>>();
		answered.forEach(a -> byClient.computeIfAbsent(a.client(), c -> new java.util.TreeMap<>())
			.computeIfAbsent(a.date(), d -> new ArrayList<>())
			.add(a));
		var rows = new ArrayList<Row>();
		byClient.forEach((client, dates) -> {
			int session = 0;
			for (var entry : dates.entrySet()) {
				session++;
				var codes = new java.util.HashSet<String>();
				for (Answered a : entry.getValue()) {
					if (!codes.add(a.response().instrumentCode())) {
						problems.add(new Problem(a.line(), client, a.response().instrumentCode()
								+ " answered twice on " + entry.getKey() + "."));
					}
				}
				rows.add(new Row(entry.getValue().get(0).line(), client, session, entry.getKey(),
						entry.getValue().stream().map(Answered::response).toList()));
			}
		});
		return new HistoryFile(rows, problems, data.size());
	}

	/** Groups rows by client and checks each client's sessions: unique, and dates never going back. */
	private static HistoryFile ordered(List<Row> rows, List<Problem> problems, int lines) {
		var byClient = new LinkedHashMap<String, List<Row>>();
		rows.forEach(row -> byClient.computeIfAbsent(row.client(), c -> new ArrayList<>()).add(row));
		var result = new ArrayList<Row>(rows.size());
		byClient.forEach((client, list) -> {
			list.sort(java.util.Comparator.comparingInt(Row::session));
			Row previous = null;
			for (Row row : list) {
				if (previous != null && previous.session() == row.session()) {
					problems.add(new Problem(row.line(), client, "Session " + row.session() + " appears twice (also line "
							+ previous.line() + ")."));
				}
				else if (previous != null && row.date().isBefore(previous.date())) {
					problems.add(new Problem(row.line(), client, "Dates out of order: session " + row.session() + " on "
							+ row.date() + " is before session " + previous.session() + " on " + previous.date()
							+ " (line " + previous.line() + ")."));
				}
				previous = row;
			}
			result.addAll(list);
		});
		problems.sort(java.util.Comparator.comparingInt(Problem::line));
		return new HistoryFile(result, problems, lines);
	}

	/** Items and total of one instrument; empty when all its cells are empty (skipped). */
	private static java.util.Optional<Response> response(String code, String[] items, String total,
			List<String> reasons) {
		boolean anyItem = Arrays.stream(items).anyMatch(cell -> !cell.isBlank());
		if (!anyItem && total.isBlank()) {
			return java.util.Optional.empty();
		}
		int max = code.equals("CHECK-IN") ? 10 : 3;
		var answers = new LinkedHashMap<String, Integer>();
		if (anyItem) {
			int before = reasons.size();
			for (int k = 0; k < items.length; k++) {
				if (items[k].isBlank()) {
					reasons.add(code + " item " + (k + 1) + " is empty while other items are answered");
					continue;
				}
				Integer value = integer(items[k], code + " item " + (k + 1), 0, max, reasons);
				if (value != null) {
					answers.put("q" + (k + 1), value);
				}
			}
			if (reasons.size() > before) {
				return java.util.Optional.empty();
			}
		}
		BigDecimal sum = null;
		if (!total.isBlank()) {
			try {
				sum = new BigDecimal(total.strip());
			}
			catch (NumberFormatException ex) {
				reasons.add(code + " total \u201c" + total.strip() + "\u201d is not a number");
				return java.util.Optional.empty();
			}
			int maxTotal = items.length * max;
			if (sum.signum() < 0 || sum.compareTo(BigDecimal.valueOf(maxTotal)) > 0) {
				reasons.add(code + " total " + sum.toPlainString() + " is impossible (0 to " + maxTotal + ")");
				return java.util.Optional.empty();
			}
			if (anyItem && sum.compareTo(BigDecimal.valueOf(answers.values().stream().mapToInt(v -> v).sum())) != 0) {
				reasons.add(code + " total " + sum.toPlainString() + " is not the sum of its items ("
						+ answers.values().stream().mapToInt(v -> v).sum() + ")");
				return java.util.Optional.empty();
			}
		}
		return java.util.Optional.of(new Response(code, Map.copyOf(answers), anyItem ? null : sum));
	}

	private static @Nullable Integer integer(String cell, String what, int min, int max, List<String> reasons) {
		try {
			int value = Integer.parseInt(cell.strip());
			if (value < min || value > max) {
				reasons.add(what + " " + value + " is impossible (" + min + " to " + max + ")");
				return null;
			}
			return value;
		}
		catch (NumberFormatException ex) {
			reasons.add(what + (cell.isBlank() ? " is missing" : " \u201c" + cell.strip() + "\u201d is not a whole number"));
			return null;
		}
	}

	private static @Nullable LocalDate date(String cell, List<String> reasons) {
		try {
			LocalDate date = LocalDate.parse(cell.strip());
			if (date.isBefore(LocalDate.of(1950, 1, 1)) || date.isAfter(LocalDate.now().plusDays(1))) {
				reasons.add("the date " + date + " is impossible for history");
				return null;
			}
			return date;
		}
		catch (DateTimeParseException ex) {
			reasons.add(cell.isBlank() ? "the date is missing"
					: "the date \u201c" + cell.strip() + "\u201d is not a date like 2025-03-14");
			return null;
		}
	}

	private static int firstBadLine(byte[] content) {
		var decoder = StandardCharsets.UTF_8.newDecoder();
		int line = 1;
		int start = 0;
		for (int i = 0; i <= content.length; i++) {
			if (i == content.length || content[i] == '\n') {
				try {
					decoder.reset().decode(ByteBuffer.wrap(content, start, i - start));
				}
				catch (CharacterCodingException ex) {
					return line;
				}
				line++;
				start = i + 1;
			}
		}
		return 0;
	}

	private static String capitalised(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	private static String megabytes(long bytes) {
		return "%.1f MB".formatted(bytes / 1_048_576.0);
	}

}
