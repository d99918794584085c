package com.leadflow.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.leadflow.core.LeadSnapshot;
import com.leadflow.core.Touch;
import com.leadflow.core.TouchAction;

/**
 * The X Education leads (shared/data/x-education-leads.csv) as lead snapshots and timelines, from the behaviour
 * columns only: TotalVisits, Total Time Spent on Website, Page Views Per Visit, Last Activity, Lead Source and Lead
 * Origin. Tags and Lead Quality (written by sales after contact, they leak the outcome) are never read. The file has
 * no dates: visits are spread evenly over the 30 days before {@code now}, the last activity is the day before.
 */
final class XEducationLeads {

	/** One row: the lead, its touches and whether it converted. */
	record Row(LeadSnapshot lead, List<Touch> touches, boolean converted) {
	}

	private XEducationLeads() {
	}

	/** The CSV beside the repository ({@code <repo>/../shared/data/}), if it is there. */
	static Optional<Path> locate() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
			dir = dir.getParent();
		}
		while (dir != null && dir.getParent() != null && Files.exists(dir.getParent().resolve("mvnw"))) {
			dir = dir.getParent(); // the outermost folder with the wrapper is the repository root
		}
		if (dir == null || dir.getParent() == null) {
			return Optional.empty();
		}
		Path csv = dir.getParent().resolve("shared/data/x-education-leads.csv");
		return Files.isReadable(csv) ? Optional.of(csv) : Optional.empty();
	}

	static List<Row> read(Path csv, Instant now) throws IOException {
		List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
		List<String> header = split(lines.getFirst());
		Map<String, Integer> col = new HashMap<>();
		for (int i = 0; i < header.size(); i++) {
			col.put(header.get(i), i);
		}
		List<Row> rows = new ArrayList<>();
		long touchId = 0;
		for (int r = 1; r < lines.size(); r++) {
			List<String> f = split(lines.get(r));
			long leadId = r;
			List<Touch> touches = new ArrayList<>();
			int visits = (int) Math.round(number(f.get(col.get("TotalVisits"))));
			double seconds = number(f.get(col.get("Total Time Spent on Website")));
			double pagesPerVisit = number(f.get(col.get("Page Views Per Visit")));
			int minutesPerVisit = visits == 0 ? 0 : (int) Math.round(seconds / 60.0 / visits);
			String source = f.get(col.get("Lead Source"));
			for (int v = 0; v < visits; v++) {
				Instant at = now.minus(Duration.ofHours(24L * 30 * (visits - v) / (visits + 1)));
				int pages = Math.max(1, (int) Math.round(pagesPerVisit));
				for (int p = 0; p < pages; p++) {
					touches.add(new Touch(++touchId, leadId, TouchAction.PAGE_VIEW, source, null, at,
							p == 0 ? minutesPerVisit : null, null, Map.of()));
				}
			}
			originTouch(f.get(col.get("Lead Origin")), source).ifPresent(a -> touches.add(0,
					new Touch(0, leadId, a, source, null, now.minus(Duration.ofDays(31)), null, null, Map.of())));
			activityTouch(f.get(col.get("Last Activity"))).ifPresent(a -> touches
				.add(new Touch(0, leadId, a, "last-activity", null, now.minus(Duration.ofDays(1)), null, null, Map.of())));
			LeadSnapshot lead = new LeadSnapshot(leadId, null, null, null, null, null, null, null, null, null, null,
					null, null, null, null, null, false, List.of(), List.of(), List.of(), Map.of(),
					now.minus(Duration.ofDays(31)), now);
			rows.add(new Row(lead, touches, "1".equals(f.get(col.get("Converted")))));
		}
		return rows;
	}

	/** How the lead arrived: a form is a form submit, an import an import, chat a message, click-to-call a call. */
	static Optional<TouchAction> originTouch(String origin, String source) {
		String s = source.toLowerCase(Locale.ROOT);
		if (s.contains("chat")) {
			return Optional.of(TouchAction.WECHAT_MESSAGE);
		}
		if (s.equals("click2call")) {
			return Optional.of(TouchAction.CALL_INBOUND);
		}
		return switch (origin) {
			case "Landing Page Submission", "Lead Add Form", "Quick Add Form" -> Optional.of(TouchAction.FORM_SUBMIT);
			case "Lead Import" -> Optional.of(TouchAction.IMPORT);
			default -> Optional.empty();
		};
	}

	/** The last activity as the touch it names (outbound SMS and unreachable calls are outbound CALLs). */
	static Optional<TouchAction> activityTouch(String activity) {
		return Optional.ofNullable(switch (activity) {
			case "Email Opened", "Email Received" -> TouchAction.EMAIL_OPEN;
			case "Email Link Clicked", "View in browser link Clicked", "Resubscribed to emails" -> TouchAction.EMAIL_CLICK;
			case "Email Bounced" -> TouchAction.EMAIL_BOUNCE;
			case "Unsubscribed", "Email Marked Spam" -> TouchAction.UNSUBSCRIBE;
			case "Form Submitted on Website", "Converted to Lead" -> TouchAction.FORM_SUBMIT;
			case "Had a Phone Conversation", "Approached upfront" -> TouchAction.CALL_INBOUND;
			case "Olark Chat Conversation" -> TouchAction.WECHAT_MESSAGE;
			case "Page Visited on Website" -> TouchAction.PAGE_VIEW;
			case "Visited Booth in Tradeshow" -> TouchAction.EVENT_CHECKIN;
			case "SMS Sent", "Unreachable" -> TouchAction.CALL;
			default -> null;
		});
	}

	private static double number(String s) {
		return s == null || s.isBlank() ? 0 : Double.parseDouble(s);
	}

	/** Splits one CSV line (quoted fields may hold commas and doubled quotes). */
	static List<String> split(String line) {
		List<String> fields = new ArrayList<>();
		StringBuilder b = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					b.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					b.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				fields.add(b.toString());
				b.setLength(0);
			}
			else {
				b.append(c);
			}
		}
		fields.add(b.toString());
		return fields;
	}
}
