import DeckKit
import SafeText

/// The text `awsml-tui check` prints: per post, its metadata, the outline with
/// fact counts and lines, totals, and warnings in `file:line: warning: …` form
/// so editors can jump to them.
///
///     AWS Machine Learning Specialty Bite Size Recap 2/3
///       file: aws-ml-specialty-recap-2-of-3.md
///       date: 2023-07-08
///       ...
///       totals: 1 section, 18 topics, 2 sub-groups, 42 facts
///
/// The file name is shown as the terminal shows it (`TerminalSafe.line`): a
/// control in it is U+FFFD, and a line break cannot start a line of its own.
public enum OutlineReport {
    public static func text(for decks: [Deck]) -> String {
        var output = ""
        for (index, deck) in decks.enumerated() {
            if index > 0 { output += "\n" }
            output += report(deck)
        }
        if decks.count > 1 {
            var total = DeckSummary()
            for deck in decks {
                let summary = deck.summary
                total.sections += summary.sections
                total.topics += summary.topics
                total.groups += summary.groups
                total.facts += summary.facts
                total.questions += summary.questions
            }
            output += "\nall \(decks.count) posts: \(describe(total))\n"
        }
        return output
    }

    private static func report(_ deck: Deck) -> String {
        let file = TerminalSafe.line(deck.file)
        var lines = [TerminalSafe.line(deck.title)]
        lines.append("  file: \(file)")
        if let date = deck.date { lines.append("  date: \(date)") }
        if !deck.tags.isEmpty { lines.append("  tags: \(deck.tags.joined(separator: ", "))") }
        lines.append("  outline:")
        if !deck.root.facts.isEmpty {
            lines.append("    (before any heading)  \(count(deck.root.facts.count, "fact"))")
        }
        for child in deck.root.children { outline(child, depth: 2, into: &lines) }
        lines.append("  totals: \(describe(deck.summary))")
        if deck.warnings.isEmpty {
            lines.append("  warnings: none")
        } else {
            lines.append("  warnings: \(deck.warnings.count)")
            for warning in deck.warnings {
                lines.append("\(file):\(warning.line): warning: \(TerminalSafe.line(warning.message))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func outline(_ node: TopicNode, depth: Int, into lines: inout [String]) {
        let indent = String(repeating: "  ", count: depth)
        var facts = count(node.facts.count, "fact")
        if !node.children.isEmpty && node.totalFactCount != node.facts.count {
            facts = "\(count(node.totalFactCount, "fact")) below"
        }
        let kind: String
        switch node.kind {
        case .group: kind = "group, "
        case .heading(let level): kind = node.isSection ? "section h\(level), " : "h\(level), "
        case .deck: kind = ""
        }
        lines.append("\(indent)\(node.title.plainText)  \(facts)  (\(kind)line \(node.line))")
        for child in node.children { outline(child, depth: depth + 1, into: &lines) }
    }

    static func describe(_ summary: DeckSummary) -> String {
        [count(summary.sections, "section"), count(summary.topics, "topic"),
         count(summary.groups, "sub-group"), count(summary.facts, "fact")].joined(separator: ", ")
            + (summary.questions > 0 ? ", " + count(summary.questions, "question") : "")
    }

    static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}
