import Foundation
import Testing
import DeckKit
import StudyCore
import TestSupport

/// The generator's property test on real text: every question of every kind,
/// for every fact of the bundled post and of every file of `Tests/Corpus`
/// (public study notes of many shapes; sources and licences in its README),
/// passes `QuestionAudit`, and every fact can be asked at least two ways.
@Suite("Question quality over the corpus of real notes")
struct CorpusQualityTests {
    static let corpusFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Corpus")

    static func corpus() throws -> [(name: String, deck: Deck)] {
        let names = try FileManager.default.contentsOfDirectory(atPath: corpusFolder.path)
            .filter { $0.hasSuffix(".md") && $0 != "README.md" }.sorted()
        var decks: [(String, Deck)] = [("bundled post", DeckLoader.bundled())]
        for name in names {
            decks.append((name, try DeckLoader.load(path: corpusFolder.appendingPathComponent(name).path)))
        }
        return decks
    }

    @Test func theCorpusHasNotesOfManyShapes() throws {
        let corpus = try Self.corpus()
        #expect(corpus.count >= 9, "the bundled post and at least eight public notes")
        let sizes = try corpus.dropFirst().map { name, _ in
            try FileManager.default.attributesOfItem(atPath: Self.corpusFolder.appendingPathComponent(name).path)[.size] as? Int ?? 0
        }
        #expect(sizes.contains { $0 > 500_000 }, "one file over 500 KB")
        let texts = corpus.map { _, deck in
            var text = ""
            deck.root.forEachNode { node in for fact in node.facts { text += fact.text.plainText } }
            return text
        }
        #expect(texts.contains { $0.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }, "Chinese or Japanese notes")
        let readme = try String(contentsOf: Self.corpusFolder.appendingPathComponent("README.md"), encoding: .utf8)
        for (name, _) in corpus.dropFirst() {
            #expect(readme.contains(name), "\(name) has its source and licence in Tests/Corpus/README.md")
        }
    }

    @Test func everyQuestionOfEveryKindIsWellFormed() throws {
        var malformed: [String] = []
        var report: [String] = []
        for (name, deck) in try Self.corpus() {
            let generator = QuestionGenerator(decks: [deck])
            let audit = QuestionAudit(decks: [deck])
            var facts: [Fact] = []
            deck.root.forEachNode { facts += $0.facts }
            // Large files are checked with one seed, the others with three.
            let seeds: [UInt64] = facts.count > 1_500 ? [1] : [1, 2, 3]
            var questions = 0, kindsTotal = 0, fewKinds: [String] = []
            var distinct: Set<String> = []
            for fact in facts {
                let kinds = generator.kinds(for: fact.id)
                kindsTotal += kinds.count
                if kinds.count < 2 { fewKinds.append(fact.text.plainText) }
                for kind in kinds {
                    for seed in seeds {
                        guard let question = generator.question(for: fact.id, kind: kind, seed: seed) else {
                            malformed.append("\(name): \(kind.rawValue) offered but not made for seed \(seed): \(fact.text.plainText)")
                            continue
                        }
                        questions += 1
                        guard distinct.insert("\(kind.rawValue)|\(question.prompt)|\(question.options)").inserted else { continue }
                        for finding in audit.findings(for: question) {
                            malformed.append("""
                                \(name) · \(kind.rawValue) · \(finding)
                                  fact:    \(fact.text.plainText)
                                  context: \(question.context.joined(separator: " | "))
                                  prompt:  \(question.prompt)
                                  options: \(question.options)  answer: \(question.answer)
                                """)
                        }
                    }
                }
            }
            #expect(fewKinds.isEmpty, "\(name): \(fewKinds.count) facts with fewer than two kinds: \(fewKinds.prefix(5))")
            report.append("\(name): \(facts.count) facts, \(questions) questions (\(distinct.count) distinct), "
                          + "\(String(format: "%.2f", Double(kindsTotal) / Double(max(1, facts.count)))) kinds per fact")
        }
        print(report.joined(separator: "\n"))
        for line in malformed.prefix(200) { print(line) }
        #expect(malformed.isEmpty, "\(malformed.count) malformed questions (printed above)")
    }

    /// Within a session true and false statements come about equally, so
    /// always answering "True" scores about half.
    @Test func trueAndFalseAreBalanced() throws {
        for (name, deck) in try Self.corpus() {
            let generator = QuestionGenerator(decks: [deck])
            var facts: [Fact] = []
            deck.root.forEachNode { facts += $0.facts }
            var falseCount = 0, total = 0
            for (index, fact) in facts.prefix(1_500).enumerated() {
                guard let question = generator.question(for: fact.id, kind: .trueFalse, seed: UInt64(index)) else { continue }
                total += 1
                if question.truth == false { falseCount += 1 }
            }
            guard total >= 20 else { continue }
            let share = Double(falseCount) / Double(total)
            #expect((0.4...0.6).contains(share), "\(name): \(falseCount) of \(total) true/false statements are false")
        }
    }
}
