import Testing
import DeckKit
@testable import StudyCore

@Suite("Questions from the bundled post")
struct QuestionGeneratorTests {
    let deck = DeckLoader.bundled()
    let generator: QuestionGenerator
    let facts: [Fact]

    init() {
        generator = QuestionGenerator(decks: [deck])
        var facts: [Fact] = []
        deck.root.forEachNode { facts += $0.facts }
        self.facts = facts
    }

    @Test func keyTermsFollowTheOrderOfPreference() throws {
        func term(_ start: String) -> KeyTerm? {
            generator.keyTerm(of: facts.first { $0.text.plainText.hasPrefix(start) }!.id)
        }
        #expect(term("Reduces deep learning inference costs")?.text == "75%")
        #expect(term("Reduces deep learning inference costs")?.kind == .number)
        #expect(term("Enables training on datasets larger")?.text == "16 TB")
        #expect(term("Amazon EMR is the best choice")?.text == "150TB") // numbers before names
        #expect(term("Default mode for training")?.text == "Amazon SageMaker")
        #expect(term("Default mode for training")?.kind == .name)
        #expect(term("Supports TensorFlow")?.text == "TensorFlow")
        #expect(term("Applying dropout")?.text != "Applying")
        #expect(term("Creating an EMR cluster")?.text == "EMR")
        let styled = try DeckLoader.load(text: "# T\n- **Recall** is TP / (TP + FN)\n- uses `fit_transform` here\n", file: "s.md")
        let styledGenerator = QuestionGenerator(decks: [styled])
        var styledFacts: [Fact] = []
        styled.root.forEachNode { styledFacts += $0.facts }
        #expect(styledGenerator.keyTerm(of: styledFacts[0].id)?.text == "Recall")
        #expect(styledGenerator.keyTerm(of: styledFacts[1].id)?.text == "fit_transform")
    }

    @Test func everyQuestionIsWellFormedAndEveryFactHasTwoKinds() throws {
        var coverage: [QuestionKind: Int] = [:]
        for fact in facts {
            let kinds = generator.kinds(for: fact.id)
            #expect(kinds.count >= 2, "\(fact.text.plainText): \(kinds)")
            for kind in kinds {
                coverage[kind, default: 0] += 1
                for seed in [1, 2, 3] as [UInt64] {
                    let question = try #require(generator.question(for: fact.id, kind: kind, seed: seed))
                    #expect(question == generator.question(for: fact.id, kind: kind, seed: seed)) // seeded
                    #expect(!question.prompt.isEmpty)
                    switch kind {
                    case .flip, .clozeTyped, .clozeChoice:
                        #expect(question.prompt.contains(Question.blank))
                        #expect(!question.prompt.lowercased().contains(question.answer.lowercased()),
                                "\(kind): \(question.prompt) shows \(question.answer)")
                    case .whichTopic:
                        let title = question.answer
                        for word in KeyTermFinder.tokens(of: title) where word.count >= 3
                            && !KeyTermFinder.stopWords.contains(word.lowercased()) {
                            #expect(!QuestionGenerator.containsWord(word, in: question.prompt), "\(question.prompt) shows \(word)")
                        }
                    case .trueFalse:
                        #expect(question.options == ["True", "False"])
                    }
                    if kind == .clozeChoice || kind == .whichTopic {
                        #expect(question.options.count == 4)
                        #expect(Set(question.options.map { $0.lowercased() }).count == 4)
                    }
                    if let correct = question.correctOption {
                        #expect(question.options[correct] == question.answer)
                    }
                }
            }
        }
        print("question kinds over the bundled post's \(facts.count) facts:",
              QuestionKind.allCases.map { "\($0.rawValue) \(coverage[$0] ?? 0)" }.joined(separator: ", "))
        #expect(coverage[.flip, default: 0] >= 40)
        #expect(coverage[.clozeChoice, default: 0] >= 20)
    }

    @Test func clozeChoicesAreOfTheSameKind() throws {
        let fact = facts.first { $0.text.plainText.hasPrefix("Default mode for training") }!
        let question = try #require(generator.question(for: fact.id, kind: .clozeChoice, seed: 4))
        #expect(question.options.allSatisfy { $0.first?.isUppercase == true }, "\(question.options)")
        // The post has only three numbers with units: too few for four options of that kind.
        let numeric = facts.first { $0.text.plainText.hasPrefix("Reduces deep learning inference costs") }!
        #expect(generator.question(for: numeric.id, kind: .clozeChoice, seed: 4) == nil)
        #expect(!generator.kinds(for: numeric.id).contains(.clozeChoice))
    }

    @Test func falseStatementsNegateOrSwap() {
        #expect(QuestionGenerator.negating("Applying dropout regularization at the flatten layer is incorrect.")
                == "Applying dropout regularization at the flatten layer is correct.")
        #expect(QuestionGenerator.negating("Direct creation of custom CloudWatch dashboards from S3 data is not possible.")
                == "Direct creation of custom CloudWatch dashboards from S3 data is possible.")
        #expect(QuestionGenerator.negating("One-hot encoding is unsuitable for Word2Vec") == "One-hot encoding is suitable for Word2Vec")
        #expect(QuestionGenerator.negating("Tokenization is a better approach") == nil)
        var sawFalse = false, sawTrue = false
        for fact in facts {
            for seed in 0..<6 as Range<UInt64> {
                let question = generator.question(for: fact.id, kind: .trueFalse, seed: seed)!
                if question.answer == "False" {
                    sawFalse = true
                    #expect(question.prompt != fact.text.plainText)
                } else {
                    sawTrue = true
                    #expect(question.prompt == fact.text.plainText)
                }
            }
        }
        #expect(sawFalse && sawTrue)
    }

    @Test func typedAnswersAllowSmallTyposAndShowADiff() {
        #expect(TypedAnswer.judge("SageMaker", against: "SageMaker").isExact)
        #expect(TypedAnswer.judge(" sagemakr ", against: "SageMaker").isAccepted)
        #expect(!TypedAnswer.judge("sagemkr", against: "SageMaker").isExact)
        #expect(!TypedAnswer.judge("Glue", against: "EMR").isAccepted)
        #expect(!TypedAnswer.judge("76%", against: "75%").isAccepted) // numbers exactly
        #expect(!TypedAnswer.judge("", against: "EMR").isAccepted)
        #expect(TypedAnswer.judge("sagemakr", against: "SageMaker").diff
                == [.same("SageMak"), .missing("e"), .same("r")])
        #expect(TypedAnswer.judge("emrs", against: "EMR").diff == [.same("EMR"), .extra("s")])
    }
}
