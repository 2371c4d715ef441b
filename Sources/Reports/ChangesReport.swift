import DeckKit
import SafeText
import StudyCore

/// `awsml-tui changes`: what changed in the notes since their progress was
/// written, and what became of the progress, as lines a person reads:
///
///     Progress: /home/ana/.local/share/awsml-tui/progress.sqlite
///     Decks renamed (1):
///       deck renamed: AWS Recap → AWS ML Recap · 2026-11-28 · 42 cards moved
///     Re-linked when the notes were opened (2):
///       edited · AWS ML › Amazon Elastic Inference
///         was: Reduces deep learning inference cost by up to 75%.
///         now: Reduces deep learning inference costs by up to 75%.
///     To re-link the next time the notes are opened (0)
///     To confirm (1): …
///     Gone, progress kept (0)
///
/// Decks renamed are listed only when there are some: those made (whose
/// new title is a deck given), and those found, whose cards move when the
/// notes are next opened. The facts that moved with a deck's title are not
/// listed one by one. Every text is shown as the terminal shows it
/// (`TerminalSafe.line`).
public enum ChangesReport {
    /// - Parameters:
    ///   - renames: the decks renamed as the store recorded them (for the
    ///     decks given); those found but not made are in `changes.renames`.
    public static func text(changes: NotesChanges, links: [FactLink], renames: [DeckRename] = [],
                            current: [FactID: KnownFact], storePath: String) -> String {
        var lines = ["Progress: \(TerminalSafe.line(storePath))"]
        let allRenames = renames + changes.renames.filter { $0.id == nil }
        if !allRenames.isEmpty {
            lines.append("Decks renamed (\(allRenames.count)):")
            for rename in allRenames {
                let cards = rename.cards == 1 ? "1 card" : "\(rename.cards) cards"
                let when = rename.renamedAt.map { "\($0.isoDate) · \(cards) moved" }
                    ?? "\(cards) to move the next time the notes are opened"
                lines.append("  deck renamed: \(TerminalSafe.line(rename.oldTitle)) → \(TerminalSafe.line(rename.newTitle))"
                             + " · " + when)
            }
        }
        func topic(_ fact: KnownFact?) -> String {
            TerminalSafe.line((fact?.topicPath ?? []).joined(separator: " › "))
        }
        func text(_ value: String?) -> String { TerminalSafe.line(value ?? "(its text was not kept)") }

        func move(_ heading: String, was: String?, now: String?) {
            lines += ["  " + heading, "    was: \(text(was))", "    now: \(text(now))"]
        }
        let earlier = links.filter { current[$0.new] != nil && $0.reason != DeckRename.reason }
        lines.append("Re-linked when the notes were opened (\(earlier.count))\(earlier.isEmpty ? "" : ":")")
        for link in earlier {
            move("\(TerminalSafe.line(link.reason)) · \(topic(current[link.new])) · \(link.linkedAt.isoDate)",
                 was: link.oldText, now: current[link.new]?.text)
        }
        let pending = changes.report.relinked
        lines.append("To re-link the next time the notes are opened (\(pending.count))\(pending.isEmpty ? "" : ":")")
        for pair in pending {
            move("\(pair.reason.name) · \(topic(changes.facts[pair.new]))",
                 was: changes.facts[pair.old]?.text, now: changes.facts[pair.new]?.text)
        }
        let doubtful = changes.report.toConfirm
        lines.append("To confirm (\(doubtful.count))\(doubtful.isEmpty ? "" : ":")")
        for item in doubtful {
            lines.append("  was: \(text(changes.facts[item.old]?.text)) · \(topic(changes.facts[item.old]))")
            for (number, candidate) in item.candidates.enumerated() {
                let alike = Int((candidate.similarity * 100).rounded())
                lines.append("    \(number + 1). \(text(changes.facts[candidate.new]?.text)) (\(alike)% alike)")
            }
        }
        let gone = changes.report.removed
        lines.append("Gone, progress kept (\(gone.count))\(gone.isEmpty ? "" : ":")")
        for id in gone {
            lines.append("  was: \(text(changes.facts[id]?.text)) · \(topic(changes.facts[id]))")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
