import Testing
import AppCore
import DeckKit
import StudyCore
import TerminalUI
@testable import AppViews

@Suite("Screen snapshots")
struct ScreenSnapshotTests {
    let renderer = ScreenRenderer(theme: .monochrome)

    private func render(_ state: AppState, width: Int, height: Int) -> ScreenBuffer {
        var state = state
        AppUpdate.update(&state, .terminalResized(width: width, height: height))
        var buffer = ScreenBuffer(size: Size(width: width, height: height))
        renderer.render(state, into: &buffer)
        return buffer
    }

    private func bundledState(pressing keys: [String] = []) -> AppState {
        var state = AppState(decks: [DeckLoader.bundled()], width: 80, height: 24)
        for key in keys { AppUpdate.update(&state, .keyPressed(key)) }
        return state
    }

    /// The "what changed" screen with gone progress, and its `r` picker
    /// narrowed to the facts that mention "sagemaker".
    @Test func changesAndThePickerOfR() {
        var state = bundledState()
        let old = KnownFact(id: FactID(rawValue: "feedfacefeedface"), text: "Zebra stripes confuse biting flies.",
                            topicPath: [state.decks[0].title, "Zoology"])
        state.notesChanges = NotesChanges(report: RelinkReport(changes: [.removed(old: old.id)]), facts: [old.id: old])
        AppUpdate.update(&state, .keyPressed("c"))
        assertSnapshot(render(state, width: 80, height: 24), named: "changes-gone-80x24")
        var help = state
        AppUpdate.update(&help, .keyPressed("?"))
        assertSnapshot(render(help, width: 80, height: 24), named: "changes-help-80x24")
        AppUpdate.update(&state, .keyPressed("r"))
        for key in ["s", "a", "g", "e", "m", "a", "k", "e", "r", "Down"] { AppUpdate.update(&state, .keyPressed(key)) }
        assertSnapshot(render(state, width: 80, height: 24), named: "changes-picker-80x24")
    }

    @Test func startAt80x24() {
        assertSnapshot(render(bundledState(), width: 80, height: 24), named: "start-80x24")
    }

    @Test func startAt40x12() {
        assertSnapshot(render(bundledState(), width: 40, height: 12), named: "start-40x12")
    }

    @Test func startAt120x40() {
        assertSnapshot(render(bundledState(), width: 120, height: 40), named: "start-120x40")
    }

    @Test func topicWithSubGroupsAt80x24() {
        let state = bundledState(pressing: Array(repeating: "j", count: 11))
        #expect(state.selectedNode?.title.plainText == "Pipe Input Mode vs. File Input Mode in SageMaker")
        assertSnapshot(render(state, width: 80, height: 24), named: "subgroups-80x24")
    }

    @Test func groupWithItsFactsAt80x24() {
        let state = bundledState(pressing: Array(repeating: "j", count: 12))
        assertSnapshot(render(state, width: 80, height: 24), named: "group-80x24")
    }

    @Test func deckRootAt80x24() {
        let state = bundledState(pressing: ["g"])
        assertSnapshot(render(state, width: 80, height: 24), named: "deck-80x24")
    }

    @Test func longTreeScrolledToTheEndAt80x24() {
        let state = bundledState(pressing: ["G"])
        assertSnapshot(render(state, width: 80, height: 16), named: "end-80x16")
    }

    @Test func wideAndCombiningText() throws {
        let deck = try DeckLoader.load(text: """
            # 機械学習 🎯 notes
            - 精度 (precision) は TP / (TP + FP) — **重要**
            - Café résumé naïve e\u{301}
            - Emoji 👍🏽, joined 👩‍💻 and flags 🇯🇵 stay in line
            """, file: "cjk.md")
        let state = AppState(decks: [deck], width: 80, height: 12)
        let buffer = render(state, width: 80, height: 12)
        assertSnapshot(buffer, named: "cjk-80x12")
        // Every wide grapheme is followed by its continuation cell.
        for row in 0..<buffer.size.height {
            for column in 0..<buffer.size.width where TextWidth.of(Character(buffer[column, row].content.isEmpty ? " " : buffer[column, row].content)) == 2 {
                #expect(buffer[column + 1, row].isContinuation)
            }
        }
    }

    @Test func searchWithMatches() {
        let state = bundledState(pressing: ["/"] + "glue".map(String.init) + ["Enter", "n"])
        let buffer = render(state, width: 80, height: 24)
        assertSnapshot(buffer, named: "search-glue-80x24")
        // Matches are marked by attributes, not colour alone.
        let lines = buffer.textLines()
        let row = lines.firstIndex { $0.contains("›    · EMR Cluster v") }!
        let column = Array(lines[row]).firstIndex(of: "E")!
        #expect(buffer[column, row].style == Theme.monochrome.selection) // the selected row itself
        let detailRow = lines.firstIndex { $0.contains("than AWS Glue") }!
        let glueColumn = lines[detailRow].distance(from: lines[detailRow].startIndex,
                                                   to: lines[detailRow].firstRange(of: "Glue")!.lowerBound)
        #expect(buffer[glueColumn, detailRow].style.attributes.isSuperset(of: [.bold, .underline]))
    }

    @Test func searchBeingTyped() {
        let state = bundledState(pressing: ["/", "d", "r", "o", "p"])
        assertSnapshot(render(state, width: 80, height: 24), named: "search-typing-80x24")
    }

    @Test func helpOverlay() {
        assertSnapshot(render(bundledState(pressing: ["?"]), width: 80, height: 24), named: "help-80x24")
        assertSnapshot(render(bundledState(pressing: ["?"]), width: 120, height: 40), named: "help-120x40")
    }

    @Test func detailFocusedWithAFactSelected() {
        let state = bundledState(pressing: ["j", "j", "j", "Tab", "j", "j"])
        assertSnapshot(render(state, width: 80, height: 24), named: "detail-focus-80x24")
    }

    @Test func aLongFactWrapsAndTheDetailScrollsToTheSelection() throws {
        let long = (1...40).map { "word\($0)" }.joined(separator: " ")
        let facts = (1...12).map { "- fact \($0): \(long)" }.joined(separator: "\n")
        let deck = try DeckLoader.load(text: "# Long\n\(facts)\n", file: "long.md")
        var state = AppState(decks: [deck], width: 60, height: 16)
        for key in ["Tab", "j", "j", "j", "j", "j"] { AppUpdate.update(&state, .keyPressed(key)) }
        assertSnapshot(render(state, width: 60, height: 16), named: "long-fact-60x16")
    }

    @Test func tooSmall() {
        assertSnapshot(render(bundledState(), width: 30, height: 6), named: "too-small-30x6")
    }

    @Test func everySizeDownTo1x1Renders() {
        for width in [1, 2, 5, 19, 31, 32, 33, 59, 60, 250] {
            for height in [1, 2, 3, 9, 10, 11, 80] {
                let buffer = render(bundledState(), width: width, height: height)
                #expect(buffer.textLines().count == height)
            }
        }
    }

    @Test func selectedRowIsReverseVideoAndMarked() {
        let buffer = render(bundledState(), width: 80, height: 24)
        // Row 3 of the screen is tree row 2, the selected "Model Retraining".
        #expect(buffer.textLines()[3].hasPrefix("┃›    · Model Retrain…"))
        #expect(buffer[5, 3].style.attributes.contains(.reverse))
        #expect(!buffer[5, 4].style.attributes.contains(.reverse))
    }

    @Test func boldAndCodeKeepTheirStylesInTheDetail() throws {
        let deck = try DeckLoader.load(text: "# T\n- **Recall** is `TP / (TP + FN)`\n", file: "s.md")
        let buffer = render(AppState(decks: [deck], width: 80, height: 12), width: 80, height: 12)
        let line = try #require(buffer.textLines().firstIndex { $0.contains("• Recall is TP / (TP + FN)") })
        let text = buffer.textLines()[line]
        let recallColumn = text.distance(from: text.startIndex, to: text.firstRange(of: "Recall")!.lowerBound)
        // The text column counts graphemes; box characters are single cells, so they line up.
        #expect(buffer[recallColumn, line].style.attributes.contains(.bold))
        let codeColumn = text.distance(from: text.startIndex, to: text.firstRange(of: "TP /")!.lowerBound)
        #expect(buffer[codeColumn, line].style == Theme.monochrome.code)
    }
}
