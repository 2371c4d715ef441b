import Testing
@testable import DeckKit

/// Notes as people write them beyond bullet summaries: question banks in
/// GFM task lists, checklists, flip cards under asking headings, references
/// and contents. Each post here is small and written for the test.
@Suite("Question banks, checklists, flip cards and references")
struct QuestionBankTests {
    private func load(_ text: String, file: String = "bank.md") throws -> Deck {
        try DeckLoader.load(text: text, file: file)
    }

    private func allFacts(_ deck: Deck) -> [Fact] {
        var facts: [Fact] = []
        deck.root.forEachNode { facts += $0.facts }
        return facts
    }

    /// Twenty questions: fourteen with one right option, six with two
    /// (three with "(Choose 2)" in the stem, three without), of three to five
    /// options, stems as headings, as paragraphs and as list items.
    static func bank() -> (text: String, right: [[Int]]) {
        var text = "# Practice exam\n\n"
        var right: [[Int]] = []
        for number in 1...20 {
            let optionCount = 3 + number % 3
            let several = number % 4 == 0 || number == 2 || number == 3
            let correct = several ? [0, optionCount - 1] : [number % optionCount]
            right.append(correct)
            let stem = "Question \(number): which service answers case \(number)?" + (several && number % 8 == 0 ? " (Choose 2)" : "")
            switch number % 3 {
            case 0: text += "### \(stem)\n\n"
            case 1: text += "## Part \(number)\n\n\(stem)\n\n"
            default: text += "## Part \(number)\n\n- \(stem)\n"
            }
            let indent = number % 3 == 2 ? "  " : ""
            for option in 0..<optionCount {
                text += "\(indent)- [\(correct.contains(option) ? "x" : " ")] Option \(option + 1) of question \(number)\n"
            }
            text += "\n"
        }
        return (text, right)
    }

    @Test func aQuestionBankIsOneQuestionPerStemWithItsCheckedOptionsRight() throws {
        let (text, right) = Self.bank()
        let deck = try load(text)
        let questions = allFacts(deck)
        #expect(questions.count == 20)
        #expect(questions.allSatisfy { $0.kind == .question })
        #expect(deck.summary.questions == 20)
        #expect(deck.summary.facts == 0)
        for (number, question) in questions.enumerated() {
            #expect(question.text.plainText.hasPrefix("Question \(number + 1): which service"), "\(question.text.plainText)")
            #expect(question.choices.count == 3 + (number + 1) % 3)
            #expect(question.choices.indices.filter { question.choices[$0].isCorrect } == right[number])
            // The marks are read, not kept in the text.
            #expect(question.choices.allSatisfy { !$0.text.plainText.contains("[") })
            #expect(question.choices[0].text.plainText == "Option 1 of question \(number + 1)")
        }
        // A paragraph stem leaves the notes: it is the question now.
        deck.root.forEachNode { node in #expect(!node.notes.contains { $0.text.plainText.hasPrefix("Question") }) }
        // Twenty questions, twenty ids.
        #expect(Set(questions.map(\.id)).count == 20)
    }

    @Test func aTaskListWithNothingCheckedIsAChecklistOfFacts() throws {
        let deck = try load("""
            # Before the exam
            - [ ] Review the FSRS notes twice
            - [ ] Sleep eight hours the night before
            - A plain item beside them
            """)
        let facts = allFacts(deck)
        #expect(facts.map(\.text.plainText) == ["Review the FSRS notes twice", "Sleep eight hours the night before",
                                                "A plain item beside them"])
        #expect(facts.allSatisfy { $0.kind == .statement && $0.choices.isEmpty })
    }

    @Test func oneTaskItemOrAMixedListIsNoQuestion() throws {
        let deck = try load("""
            # Mixed
            - [x] Only one task item here
            - and a plain item
            """)
        #expect(allFacts(deck).map(\.kind) == [.statement, .statement])
    }

    @Test func aHeadingThatAsksOverProseIsAFlipCard() throws {
        let deck = try load("""
            # React
            ## What is React?
            React is a JavaScript library for building user interfaces.

            It renders components.
            ## What are its features?
            - Virtual DOM
            - One-way data flow
            """)
        let facts = allFacts(deck)
        #expect(facts.first?.kind == .question)
        #expect(facts.first?.text.plainText == "What is React?")
        #expect(facts.first?.answer?.plainText == "React is a JavaScript library for building user interfaces. It renders components.")
        #expect(deck.root.children[0].children[0].notes.isEmpty, "the answer is not shown twice")
        // A heading that asks over a list: its items are statements.
        #expect(facts.dropFirst().map(\.kind) == [.statement, .statement])
    }

    @Test func referencesLabelsAndContentsAreReadForWhatTheyAre() throws {
        let deck = try load("""
            # Storage
            ## S3
            - [📖 S3 Select Documentation](https://docs.aws.amazon.com/s3/)
            - **[S3 for ML Data](https://aws.amazon.com/s3/)** - Best practices for storing training data in buckets
            - **RCU**:
              - One strongly consistent read per second of up to 4 KB
            - **Transfer Learning:**
              - Reuses a model trained on a large dataset
            - Lifecycle policies move objects between storage classes
            ## Contents
            | Section | Link |
            |---|---|
            | [S3](#s3) | [Top](#storage) |
            | [Glacier](#glacier) | [Top](#storage) |

            **[⬆ Back to Top](#storage)**
            ## Glacier
            - Glacier Deep Archive restores within 12 hours
            """)
        let s3 = deck.root.children[0].children[0]
        // A link alone, bold or not, is a reference; a fact that starts with a link keeps its text.
        #expect(s3.notes.map(\.kind) == [.reference])
        #expect(s3.facts.map(\.text.plainText) == ["S3 for ML Data - Best practices for storing training data in buckets",
                                                   "Lifecycle policies move objects between storage classes"])
        // "**RCU**:" and "**Transfer Learning:**" are labels of the items under them.
        #expect(s3.children.map(\.title.plainText) == ["RCU", "Transfer Learning"])
        #expect(s3.children.map(\.kind) == [.group, .group])
        // A table of in-page links and a "Back to top" line are page navigation: nothing.
        let contents = deck.root.children[0].children[1]
        #expect(contents.facts.isEmpty)
        #expect(contents.notes.isEmpty)
    }
}
