import ArgumentParser
import DeckKit
import Reports
import StudyCore

/// `awsml-tui questions [FILE…] [--seed N] [--json]`: every question the
/// generator would ask, so that what it makes can be read and audited.
struct QuestionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "questions",
        abstract: "Print, for every fact, one question of every kind that can be made for it.",
        discussion: """
            Each question is shown as it would be asked with the seed (for true/false, the version, true or \
            false, that the seed picks). With --json, one object a line: fact_id, fact, topic, kind, context, \
            prompt, answer, options, truth.
            """)

    @Argument(help: "Markdown posts (default: the bundled post).")
    var files: [String] = []

    @Option(parsing: .unconditional,
            help: "The seed that picks options, their order and true or false (\(OptionRange.seed.text); default: 1).",
            transform: OptionRange.seed.parse)
    var seed: UInt64 = 1

    @Flag(help: "One JSON object a line.")
    var json = false

    func run() throws {
        let decks = try DeckSource.load(files)
        let generator = QuestionGenerator(decks: decks)
        var chunk = ""
        let facts = decks.flatMap { FactListing.facts(in: $0).map(\.fact) }
        // A few thousand facts at a time, each batch on every core, printed in order.
        for batch in stride(from: 0, to: facts.count, by: 4_096) {
            let slice = Array(facts[batch..<min(facts.count, batch + 4_096)])
            for line in QuestionReport.lines(for: slice, generator: generator, seed: seed, json: json) {
                chunk += line
                if chunk.utf8.count >= 1 << 16 {
                    try StandardOutput.write(chunk)
                    chunk = ""
                }
            }
        }
        try StandardOutput.write(chunk)
    }
}
