import Testing
@testable import DeckKit

@Suite("The bundled post")
struct BundledPostTests {
    let deck = DeckLoader.bundled()

    @Test func frontMatterGivesTitleDateAndTags() {
        #expect(deck.title == "AWS Machine Learning Specialty Bite Size Recap 2/3")
        #expect(deck.date == "2023-07-08")
        #expect(deck.tags == ["other"])
        #expect(deck.file == "aws-ml-specialty-recap-2-of-3.md")
    }

    @Test func treeHasOneSectionEighteenTopicsFortyTwoFacts() {
        let summary = deck.summary
        #expect(summary.sections == 1)
        #expect(summary.topics == 18)
        #expect(summary.facts == 42)
        #expect(summary.groups == 2)
        #expect(deck.root.children.count == 1)
        #expect(deck.root.children[0].title.plainText == "AWS Machine Learning Specialty 2/3")
        #expect(deck.root.children[0].children.first?.title.plainText == "Model Retraining")
    }

    @Test func pipeAndFileInputModeAreSubGroups() throws {
        let section = deck.root.children[0]
        let topic = try #require(section.children.first { $0.title.plainText.hasPrefix("Pipe Input Mode vs.") })
        #expect(topic.facts.isEmpty)
        #expect(topic.children.map(\.title.plainText) == ["Pipe Input Mode", "File Input Mode"])
        #expect(topic.children.map(\.kind) == [.group, .group])
        #expect(topic.children.map(\.facts.count) == [4, 2])
        #expect(topic.children[1].facts[0].text.plainText == "Default mode for training in Amazon SageMaker.")
    }

    @Test func htmlCommentIsDroppedAndClosingLineIsANote() {
        var allText: [String] = []
        deck.root.forEachNode { node in
            allText += node.facts.map(\.text.plainText) + node.notes.map(\.text.plainText)
        }
        #expect(!allText.contains { $0.contains("<img") || $0.contains("center") })
        let notes = deck.root.children[0].children.last?.notes.map(\.text.plainText)
        #expect(notes == ["Happy learning! :)"])
    }

    @Test func factsKeepTheirSourceLines() throws {
        let retraining = deck.root.children[0].children[0]
        #expect(retraining.line == 20)
        let fact = try #require(retraining.facts.first)
        #expect(fact.line == 21)
        #expect(fact.text.plainText.hasPrefix("Retraining with a larger number of epochs"))
    }

    @Test func idsAreUniqueAndStableAcrossLoads() {
        var ids: [FactID] = []
        deck.root.forEachNode { ids += $0.facts.map(\.id) }
        #expect(Set(ids).count == 42)
        var again: [FactID] = []
        DeckLoader.bundled().root.forEachNode { again += $0.facts.map(\.id) }
        #expect(ids == again)
        #expect(ids.allSatisfy { $0.rawValue.count == 16 })
    }

    @Test func noWarningsOnTheBundledPost() {
        #expect(deck.warnings == [])
    }
}
