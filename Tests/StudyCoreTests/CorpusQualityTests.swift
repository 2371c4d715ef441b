import Foundation
import Testing
import DeckKit
import StudyCore
import TestSupport

/// The generator's property test on real text: every question of every kind,
/// for every fact of the bundled post and of every file of `Tests/Corpus`
/// (public study notes of many shapes; sources and licences in its README),
/// passes `QuestionAudit`; every fact of the bundled post, and nearly every
/// fact of the others, can be asked at least two ways.
@Suite("Question quality over the corpus of real notes")
struct CorpusQualityTests {
    /// Corpus files every fact of which is asked two ways or more: a change
    /// may add a file here, never take one out.
    static let everyFactTwoWays: Set<String> = ["aws-ccp-cloud-computing-notes.md", "why-mq-zh.md"]

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
        #expect(sizes.contains { $0 > 500_000 }, "one large file (over 500 KB)")
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
        var factsTotal = 0, fewKindsTotal = 0
        for (name, deck) in try Self.corpus() {
            let generator = QuestionGenerator(decks: [deck])
            let audit = QuestionAudit(decks: [deck])
            var facts: [Fact] = []
            deck.root.forEachNode { facts += $0.facts }
            // Large files are checked with one seed, the others with three.
            let seeds: [UInt64] = facts.count > 1_500 ? [1] : [1, 2, 3]
            var questions = 0, kindsTotal = 0, fewKinds: [String] = [], nonStatements = 0
            var distinct: Set<String> = []
            for fact in facts {
                let kinds = generator.kinds(for: fact.id)
                kindsTotal += kinds.count
                // A question ("…?") or a lead-in ("Benefits:") in the notes is no statement to learn.
                let last = fact.text.plainText.trimmingTrailingSpaces().last
                // A question the notes ask themselves is asked as written, one way.
                let isStatement = fact.kind == .statement && !(last == "?" || last == "？" || last == ":" || last == "：")
                if !isStatement { nonStatements += 1 }
                if kinds.count < 2 && isStatement { fewKinds.append("\(fact.text.plainText) [\(kinds.map(\.rawValue).joined(separator: ","))]") }
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
            print("\(name): \(fewKinds.count) of \(facts.count) facts with fewer than two kinds:")
            for miss in fewKinds { print("  fewer than two kinds · \(name) · \(miss)") }
            if name == "bundled post" {
                #expect(fewKinds.count == 0, "every fact of the bundled post can be asked two ways (misses printed above)")
            }
            // Files brought to two kinds a fact (issue 13): kept there.
            if Self.everyFactTwoWays.contains(name) {
                #expect(fewKinds.count == 0, "every fact of \(name) can be asked two ways (misses printed above)")
            }
            factsTotal += facts.count - nonStatements
            fewKindsTotal += fewKinds.count
            report.append("\(name): \(facts.count) facts, \(questions) questions (\(distinct.count) distinct), "
                          + "\(String(format: "%.2f", Double(kindsTotal) / Double(max(1, facts.count)))) kinds per fact")
        }
        print(report.joined(separator: "\n"))
        // On other people's notes some facts are too thin for a second
        // well-formed kind ("Strings", "Monthly visit stats"): they get fewer
        // kinds rather than a bad blank. This floor (the share measured when the rules last changed) keeps it from shrinking.
        let covered = Double(factsTotal - fewKindsTotal) / Double(max(1, factsTotal))
        print("statements with two or more kinds: \(factsTotal - fewKindsTotal) of \(factsTotal) (\(Int(covered * 100))%)")
        #expect(covered >= 0.97, "statements with two or more kinds fell below 97% (misses printed above)")
        for line in malformed.prefix(200) { print(line) }
        #expect(malformed.count == 0, "malformed questions (printed above)")
    }

    /// Within a session true and false statements come about equally, so
    /// always answering "True" scores about half: a practice session over
    /// every fact of each file, asked through `StudySession`.
    @Test func trueAndFalseAreBalancedWithinASession() throws {
        for (name, deck) in try Self.corpus() {
            let generator = QuestionGenerator(decks: [deck])
            var facts: [FactID] = []
            deck.root.forEachNode { node in facts += node.facts.map(\.id) }
            let now = Timestamp(milliseconds: 1_800_000_000_000)
            for seed in [1, 2] as [UInt64] {
                var session = StudySession.start(mode: .practice, scope: Array(facts.prefix(1_500)), cards: [:],
                                                 generator: generator, scheduler: try FSRSScheduler(.standard), now: now,
                                                 options: .init(seed: seed))
                var truths: [Bool] = []
                while let question = session.nextQuestion(now: now) {
                    if let truth = question.truth { truths.append(truth) }
                }
                guard truths.count >= 6 else { continue }
                let falseCount = truths.filter { !$0 }.count
                let share = Double(falseCount) / Double(truths.count)
                #expect((0.4...0.6).contains(share), "\(name), seed \(seed): \(falseCount) of \(truths.count) statements false")
                // Never more than one ahead at any point of the session.
                var lead = 0
                for truth in truths {
                    lead += truth ? 1 : -1
                    #expect(abs(lead) <= 1, "\(name): true/false drifted apart mid-session")
                }
            }
        }
    }
}
