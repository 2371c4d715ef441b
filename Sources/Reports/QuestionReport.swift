import DeckKit
import Dispatch
import StudyCore
import Synchronization

/// What `awsml-tui questions` prints: for a fact, one question of every kind
/// the generator can make for it, as it would be asked with the seed, as
/// text or as JSON (one object a line; the shape is in the README).
///
///     QuestionReport.json(generator.question(for: id, kind: .clozeChoice, seed: 1)!)
///     // {"fact_id":"…","fact":"…","topic":[…],"kind":"cloze-choice","context":[…],"prompt":"…",…}
public enum QuestionReport {
    /// Every question of every kind for `fact`, in the order of `QuestionKind.allCases`.
    public static func questions(for fact: Fact, generator: QuestionGenerator, seed: UInt64) -> [Question] {
        QuestionKind.allCases.compactMap { generator.question(for: fact.id, kind: $0, seed: seed) }
    }

    /// The questions of many facts, made on every core: the generator's
    /// caches are shared and locked, so the facts are split into chunks that
    /// run side by side. The result is in the order of `facts`.
    public static func questions(for facts: [Fact], generator: QuestionGenerator, seed: UInt64) -> [[Question]] {
        let chunks = max(1, min(facts.count / 64, 64))
        let size = (facts.count + chunks - 1) / chunks
        let results = Mutex([[[Question]]](repeating: [], count: chunks))
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let range = min(facts.count, chunk * size)..<min(facts.count, (chunk + 1) * size)
            let made = range.map { questions(for: facts[$0], generator: generator, seed: seed) }
            results.withLock { $0[chunk] = made }
        }
        return results.withLock { $0.flatMap { $0 } }
    }

    /// The printed lines of many facts' questions (JSON or text), made on
    /// every core like `questions(for:generator:seed:)`, in the order of `facts`.
    public static func lines(for facts: [Fact], generator: QuestionGenerator, seed: UInt64, json asJSON: Bool) -> [String] {
        let chunks = max(1, min(facts.count / 64, 64))
        let size = (facts.count + chunks - 1) / chunks
        let results = Mutex([[String]](repeating: [], count: chunks))
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let range = min(facts.count, chunk * size)..<min(facts.count, (chunk + 1) * size)
            var made: [String] = []
            for index in range {
                for question in questions(for: facts[index], generator: generator, seed: seed) {
                    made.append(asJSON ? json(question) + "\n" : text(question) + "\n")
                }
            }
            results.withLock { $0[chunk] = made }
        }
        return results.withLock { $0.flatMap { $0 } }
    }

    public static func json(_ question: Question) -> String {
        var json = JSONWriter()
        json.object { json in
            json.field("fact_id") { $0.string(question.factID.rawValue) }
            json.field("fact") { $0.string(question.fact.text.plainText) }
            json.field("topic") { json in json.array { json in for title in question.topicPath { json.string(title) } } }
            json.field("kind") { $0.string(question.kind.rawValue) }
            json.field("context") { json in json.array { json in for line in question.context { json.string(line) } } }
            json.field("prompt") { $0.string(question.prompt) }
            json.field("answer") { $0.string(question.answer) }
            json.field("options") { json in json.array { json in for option in question.options { json.string(option) } } }
            json.field("truth") { json in
                if let truth = question.truth { json.bool(truth) } else { json.stringOrNull(nil) }
            }
        }
        return json.text
    }

    /// A few lines a question, for reading in a terminal.
    public static func text(_ question: Question) -> String {
        var lines = ["\(question.kind.rawValue)  \(question.factID.rawValue)"]
        for line in question.context { lines.append("  \(line)") }
        lines.append("  " + (question.kind == .trueFalse ? "“\(question.prompt)”" : question.prompt))
        for (index, option) in question.options.enumerated() where question.kind != .trueFalse {
            lines.append("    \(index + 1) \(option)")
        }
        if let truth = question.truth {
            lines.append("  → \(truth ? "True" : "False")")
        } else {
            lines.append("  → \(question.answer)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
