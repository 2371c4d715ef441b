import DeckKit
import StudyCore

/// The text of `awsml-tui stats`: per deck, its cards by state and what is due.
///
///     Progress: /home/ana/.local/share/awsml-tui/progress.sqlite (3 reviews logged)
///     AWS Machine Learning Specialty Bite Size Recap 2/3: 42 facts
///       new 40 · learning 1 · review 1 · relearning 0 · suspended 0
///       due now 1
enum ProgressReport {
    static func text(decks: [Deck], cards: [FactID: CardProgress], reviews: Int, storePath: String,
                     now: Timestamp) -> String {
        var lines = ["Progress: \(storePath) (\(reviews) \(reviews == 1 ? "review" : "reviews") logged)"]
        for deck in decks {
            var counts: [CardState: Int] = [:]
            var suspended = 0
            var due = 0
            var facts = 0
            deck.root.forEachNode { node in
                for fact in node.facts {
                    facts += 1
                    let card = cards[fact.id] ?? .new(factID: fact.id)
                    counts[card.state, default: 0] += 1
                    if card.suspended { suspended += 1 }
                    if card.state != .new, !card.suspended, let dueAt = card.due, dueAt <= now { due += 1 }
                }
            }
            lines.append("\(deck.title): \(facts) \(facts == 1 ? "fact" : "facts")")
            lines.append("  " + CardState.allCases.map { "\($0.name) \(counts[$0] ?? 0)" }.joined(separator: " · ")
                         + " · suspended \(suspended)")
            lines.append("  due now \(due)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
