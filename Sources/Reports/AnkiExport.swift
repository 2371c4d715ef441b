import DeckKit
import StudyCore

/// A tab-separated file Anki imports as it is (File › Import): a header that
/// names the separator, HTML, columns, deck and tag column, then one Basic
/// note per fact.
///
///     #separator:tab
///     #html:true
///     #columns:Front	Back	Tags	GUID
///     #deck:AWS Machine Learning Specialty Bite Size Recap 2/3
///     #tags column:3
///     #guid column:4
///     <cue>	<fact with details>	AWS_Machine_Learning_Specialty_2/3 Model_Retraining	e383e60ed08d47f9
///
/// Front is the cue: the topic path, then the fact with its key term as
/// `[...]` (or, when it has none, the question "Which topic?" shape is not
/// used; the topic path alone cues the fact). Back is the whole fact with its
/// details. Fields are HTML-escaped; a field holding a quote is quoted, with
/// quotes doubled, as Anki's importer expects.
///
/// The guid is the fact's id, or for a fact re-linked after an edit the first
/// id of its line (`FactLink.origin`, from the store): importing a newer
/// export updates the notes made by an older one instead of adding copies.
public enum AnkiExport {
    /// - Parameter origins: for facts whose id changed with an edit, the id
    ///   their note was first exported under.
    public static func text(decks: [Deck], origins: [FactID: FactID] = [:]) -> String {
        var lines: [String] = []
        let generator = QuestionGenerator(decks: decks)
        for deck in decks {
            lines += ["#separator:tab", "#html:true", "#columns:Front\tBack\tTags\tGUID",
                      "#deck:\(headerValue(deck.title))", "#tags column:3", "#guid column:4"]
            for (fact, path) in FactListing.facts(in: deck) {
                let topic = path.map(html).joined(separator: " › ")
                var cue = html(fact.text.plainText)
                // The flip card's cue: the fact with its key term hidden.
                if let flip = generator.question(for: fact.id, kind: .flip, seed: 1) {
                    cue = html(flip.prompt.split(separator: Question.blank, omittingEmptySubsequences: false)
                        .joined(separator: "[...]"))
                }
                var front = (topic.isEmpty ? "" : "<i>\(topic)</i><br>") + cue
                var back = styledHTML(fact.text) + detailsHTML(fact.details)
                // A question of the notes: its options on the front, the right ones on the back.
                if !fact.choices.isEmpty {
                    front = (topic.isEmpty ? "" : "<i>\(topic)</i><br>") + styledHTML(fact.text)
                        + "<ol>" + fact.choices.map { "<li>" + styledHTML($0.text) + "</li>" }.joined() + "</ol>"
                    back = "<ul>" + fact.choices.filter(\.isCorrect).map { "<li><b>" + styledHTML($0.text) + "</b></li>" }.joined() + "</ul>"
                } else if let answer = fact.answer {
                    front = (topic.isEmpty ? "" : "<i>\(topic)</i><br>") + styledHTML(fact.text)
                    back = styledHTML(answer)
                }
                let tags = path.map { tag($0) }.joined(separator: " ")
                let guid = (origins[fact.id] ?? fact.id).rawValue
                lines.append([front, back, tags, guid].map(field).joined(separator: "\t"))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Bold, italic, code and links as HTML.
    static func styledHTML(_ text: InlineText) -> String {
        text.spans.map { span in
            var piece = html(span.text)
            if span.style.contains(.code) { piece = "<code>\(piece)</code>" }
            if span.style.contains(.bold) { piece = "<b>\(piece)</b>" }
            if span.style.contains(.italic) { piece = "<i>\(piece)</i>" }
            if span.style.contains(.link), let link = span.link { piece = "<a href=\"\(html(link))\">\(piece)</a>" }
            return piece
        }.joined()
    }

    static func detailsHTML(_ details: [FactDetail]) -> String {
        guard !details.isEmpty else { return "" }
        return "<ul>" + details.map { "<li>" + styledHTML($0.text) + detailsHTML($0.details) + "</li>" }.joined() + "</ul>"
    }

    /// `&`, `<`, `>` and `"` as entities; tabs and line breaks as spaces and `<br>`.
    static func html(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\t": result += " "
            case "\n", "\r\n": result += "<br>"
            default: result.append(character)
            }
        }
        return result
    }

    /// A tag: no spaces (Anki separates tags with them).
    static func tag(_ title: String) -> String {
        String(title.map { $0.isWhitespace ? "_" : $0 })
    }

    static func headerValue(_ text: String) -> String {
        String(text.map { $0 == "\t" || $0 == "\n" ? " " : $0 })
    }

    /// Quoted, with quotes doubled, when the field holds a quote.
    static func field(_ text: String) -> String {
        text.contains("\"") ? "\"" + text.replacingAll("\"", with: "\"\"") + "\"" : text
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self { if character == target { result += replacement } else { result.append(character) } }
        return result
    }
}
