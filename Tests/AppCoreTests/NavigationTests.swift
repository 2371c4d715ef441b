import Testing
import DeckKit
@testable import AppCore

/// State tests: send an action, compare the whole new state with the old one
/// plus exactly the changes expected.
@Suite("Navigating the tree")
struct NavigationTests {
    let start = AppState(decks: [DeckLoader.bundled()], width: 100, height: 30)

    private func press(_ keys: String..., from state: AppState) -> (AppState, [Effect]) {
        var state = state
        var effects: [Effect] = []
        for key in keys { effects += AppUpdate.update(&state, .keyPressed(key)) }
        return (state, effects)
    }

    private func row(titled title: String, in state: AppState) -> Int {
        state.rows.firstIndex { $0.title == title }!
    }

    @Test func startsOnTheFirstTopicWithFacts() {
        #expect(start.rows.count == 22)
        #expect(start.selectedRow == 2)
        #expect(start.selectedNode?.title.plainText == "Model Retraining")
        #expect(start.treeScroll == 0)
        #expect(start.isRunning)
    }

    @Test func downAndJMoveOneRowDown() {
        var expected = start
        expected.selectedRow = 3
        #expect(press("Down", from: start) == (expected, []))
        #expect(press("j", from: start) == (expected, []))
        #expect(expected.selectedNode?.title.plainText == "Dropout Regularization")
    }

    @Test func upAndKMoveOneRowUpAndStopAtTheTop() {
        var expected = start
        expected.selectedRow = 1
        #expect(press("Up", from: start) == (expected, []))
        #expect(press("k", from: start) == (expected, []))
        expected.selectedRow = 0
        #expect(press("k", "k", "k", "Up", from: start).0 == expected)
    }

    @Test func endAndHomeGoToTheLastAndFirstRow() {
        var expected = start
        expected.selectedRow = 21
        expected.treeScroll = 0 // all 22 rows fit in 27 inner rows
        #expect(press("End", from: start).0 == expected)
        #expect(press("G", from: start).0 == expected)
        #expect(press("j", from: expected).0 == expected) // stops at the bottom
        expected.selectedRow = 0
        #expect(press("G", "Home", from: start).0 == expected)
        #expect(press("G", "g", from: start).0 == expected)
    }

    @Test func pageDownMovesByAPageAndScrolls() {
        var small = start
        AppUpdate.update(&small, .terminalResized(width: 100, height: 12))
        // 12 rows: 11 for the panes, 9 inside the tree box; a page is 8 rows.
        var expected = small
        expected.selectedRow = 10
        expected.treeScroll = 2
        #expect(press("PgDn", from: small).0 == expected)
        expected.selectedRow = 2
        #expect(press("PgDn", "PgUp", from: small).0 == expected)
    }

    @Test func leftOnALeafSelectsItsParent() {
        var expected = start
        expected.selectedRow = 1
        #expect(press("Left", from: start).0 == expected)
        #expect(press("h", from: start).0 == expected)
    }

    @Test func leftOnAnOpenNodeFoldsItAndRightUnfoldsIt() {
        let (folded, _) = press("h", "h", from: start)
        #expect(folded.collapsed == [NodePath([0, 0])])
        #expect(folded.rows.count == 2)
        #expect(folded.selectedRow == 1)
        #expect(folded.rows[1].isExpanded == false)

        var unfolded = start
        unfolded.selectedRow = 1
        #expect(press("l", from: folded).0 == unfolded)
        #expect(press("Right", from: folded).0 == unfolded)
    }

    @Test func rightOnAnOpenNodeGoesToItsFirstChildAndDoesNothingOnALeaf() {
        var onSection = start
        onSection.selectedRow = 1
        var expected = start
        expected.selectedRow = 2
        #expect(press("Right", from: onSection).0 == expected)
        #expect(press("Right", from: start).0 == start)
    }

    @Test func enterTogglesTheSelectedNode() {
        var onTopic = start
        onTopic.selectedRow = row(titled: "Pipe Input Mode vs. File Input Mode in SageMaker", in: start)
        let (closed, effects) = press("Enter", from: onTopic)
        #expect(effects == [])
        #expect(closed.rows.count == 20)
        #expect(closed.selectedNode?.title.plainText == "Pipe Input Mode vs. File Input Mode in SageMaker")
        #expect(press("Enter", "Enter", from: onTopic).0 == onTopic)
        #expect(press("Enter", from: start).0 == start) // a leaf has nothing to fold
    }

    @Test func foldingTheRootKeepsItSelected() {
        var onRoot = start
        onRoot.selectedRow = 0
        let (folded, _) = press("Enter", from: onRoot)
        #expect(folded.rows.count == 1)
        #expect(folded.selectedRow == 0)
        #expect(press("j", "G", from: folded).0 == folded)
    }

    @Test func qQuits() {
        var expected = start
        expected.isRunning = false
        #expect(press("q", from: start) == (expected, [.quit]))
    }

    @Test func unboundKeysChangeNothing() {
        #expect(press("z", "F5", "Esc", "Ctrl-A", from: start) == (start, []))
    }

    @Test func shrinkingTheTerminalScrollsTheSelectionIntoView() {
        var bottom = start
        bottom.selectedRow = 21
        var expected = bottom
        expected.layout = PaneLayout(width: 100, height: 10)
        expected.treeScroll = 15 // 7 rows inside the tree box: rows 15…21
        var resized = bottom
        #expect(AppUpdate.update(&resized, .terminalResized(width: 100, height: 10)) == [])
        #expect(resized == expected)
    }

    @Test func movingPastTheBottomScrollsOneRowAtATime() {
        var small = start
        AppUpdate.update(&small, .terminalResized(width: 100, height: 10))
        let (moved, _) = press("j", "j", "j", "j", "j", from: small)
        #expect(moved.selectedRow == 7)
        #expect(moved.treeScroll == 1)
        let (back, _) = press("k", "k", "k", "k", "k", "k", "k", from: moved)
        #expect(back.selectedRow == 0)
        #expect(back.treeScroll == 0)
    }
}

@Suite("Pane layout")
struct PaneLayoutTests {
    @Test func sideBySideFromSixtyColumns() {
        let layout = PaneLayout(width: 120, height: 40)
        #expect(layout.tree == .init(x: 0, y: 0, width: 40, height: 39))
        #expect(layout.detail == .init(x: 40, y: 0, width: 80, height: 39))
        #expect(layout.statusBar == .init(x: 0, y: 39, width: 120, height: 1))
        #expect(PaneLayout(width: 60, height: 20).tree.width == 20)
    }

    @Test func stackedBelowSixtyColumns() {
        let layout = PaneLayout(width: 40, height: 12)
        #expect(layout.tree == .init(x: 0, y: 0, width: 40, height: 6))
        #expect(layout.detail == .init(x: 0, y: 6, width: 40, height: 5))
    }

    @Test func tooSmallBelowTheMinimum() {
        #expect(PaneLayout(width: 31, height: 30).isTooSmall)
        #expect(PaneLayout(width: 100, height: 9).isTooSmall)
        #expect(PaneLayout(width: 30, height: 8).isTooSmall)
        #expect(PaneLayout(width: 1, height: 1).isTooSmall)
        #expect(!PaneLayout(width: 32, height: 10).isTooSmall)
    }
}

@Suite("Key table")
struct KeyMapTests {
    @Test func noKeyIsBoundTwiceInOneContext() {
        for context in KeyContext.allCases {
            let keys = KeyMap.standard.bindings(in: context).flatMap(\.keys)
            #expect(Set(keys).count == keys.count, "\(context)")
        }
        #expect(KeyMap.standard.command(for: "j", in: .tree) == .moveDown)
        #expect(KeyMap.standard.command(for: "h", in: .detail) == .focusTree)
        #expect(KeyMap.standard.command(for: "Ctrl-C", in: .global) == .quit)
        #expect(KeyMap.standard.resolve("q", in: .tree) == .quit) // inherited from browsing
        #expect(KeyMap.standard.resolve("q", in: .quizChoice) == .endSession)
        #expect(KeyMap.standard.resolve("q", in: .quizSummary) == .quit)
        #expect(KeyMap.standard.resolve("q", in: .quizTyping) == nil) // a letter there
        #expect(KeyMap.standard.resolve("Ctrl-L", in: .quizTyping) == .repaint)
        #expect(KeyMap.standard.command(for: "z", in: .tree) == nil)
    }

    @Test("every context reaches help and a way out through the table, without hard-coded keys")
    func everyScreenInheritsItsGlobalKeys() {
        for context in KeyContext.allCases where context != .help {
            #expect(KeyMap.standard.resolve("Ctrl-C", in: context) == .quit, "\(context)")
            #expect(KeyMap.standard.resolve("Ctrl-L", in: context) == .repaint, "\(context)")
        }
        for context in [KeyContext.tree, .detail, .quizChoice, .quizFlip, .quizGrade, .quizFeedback, .quizSummary,
                        .quizTrueFalse, .quizEmpty, .stats] {
            #expect(KeyMap.standard.resolve("?", in: context) == .showHelp, "\(context)")
        }
    }

    @Test func everyCommandIsInTheTable() {
        let bound = Set(KeyMap.standard.bindings.map(\.command))
        #expect(bound == Set(Command.allCases))
    }

    @Test func paneKeysDoNotHideGlobalOnes() {
        let global = Set((KeyMap.standard.bindings(in: .global) + KeyMap.standard.bindings(in: .browsing)).flatMap(\.keys))
        for context in [KeyContext.tree, .detail] {
            let local = Set(KeyMap.standard.bindings(in: context).flatMap(\.keys))
            #expect(local.isDisjoint(with: global), "\(context)")
        }
    }
}
