import DeckKit
import StudyCore

/// RFC 4180 CSV: a header row, then one row per fact with its progress.
///
///     deck,topic path,fact,details,fact id,state,due,stability,difficulty,reps,lapses,choices,answer
///
/// A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return
/// gets a `'` in front, as OWASP advises against CSV injection: a
/// spreadsheet would otherwise run `=HYPERLINK("http://…")` from a post as a
/// formula. So a fact `-2 dB per metre` is the cell `'-2 dB per metre`, and a
/// details cell (its lines start with `- `) begins `'- `.
public enum CSVExport {
    public static let header = ["deck", "topic path", "fact", "details", "fact id", "state", "due", "stability",
                                "difficulty", "reps", "lapses", "choices", "answer"]

    public static func text(decks: [Deck], cards: [FactID: CardProgress]) -> String {
        var rows = [header]
        for deck in decks {
            for (fact, path) in FactListing.facts(in: deck) {
                let card = cards[fact.id] ?? .new(factID: fact.id)
                rows.append([
                    deck.title, path.joined(separator: " > "), fact.text.plainText,
                    flatten(fact.details).joined(separator: "\n"), fact.id.rawValue, card.state.name,
                    card.due?.iso8601 ?? "", card.stability.map { "\($0)" } ?? "", card.difficulty.map { "\($0)" } ?? "",
                    String(card.reps), String(card.lapses),
                    // A question of the notes: its options, one a line, "[x]" the right ones; a flip card's answer.
                    fact.choices.map { ($0.isCorrect ? "[x] " : "[ ] ") + $0.text.plainText }.joined(separator: "\n"),
                    fact.answer?.plainText ?? "",
                ])
            }
        }
        let body = rows.dropFirst().map { $0.map { field(neutralised($0)) } }
        return ([header.map(field)] + body).map { $0.joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func flatten(_ details: [FactDetail], depth: Int = 0) -> [String] {
        details.flatMap { [String(repeating: "  ", count: depth) + "- " + $0.text.plainText] + flatten($0.details, depth: depth + 1) }
    }

    /// `text` with a `'` in front when a spreadsheet would take it as a
    /// formula (or, after a tab or CR it strips, as one).
    static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return text }
        return "'" + text
    }

    /// Quoted when it holds a comma, quote or line break; quotes doubled.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return text }
        return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
    }
}
