import Testing
import DeckKit
@testable import AppCore

private func press(_ keys: [String], from state: AppState) -> (AppState, [Effect]) {
    var state = state
    var effects: [Effect] = []
    for key in keys { effects += AppUpdate.update(&state, .keyPressed(key)) }
    return (state, effects)
}

/// `state` as it is once the detail has asked the store for the selected
/// fact's last answers (the detail shows them; the answer comes back later).
private func askingHistory(_ state: AppState) -> AppState {
    var state = state
    if state.focus == .detail, let id = state.selectedFactID { state.factHistory = FactHistory(factID: id, answers: []) }
    return state
}

private func type(_ text: String) -> [String] {
    text.map { $0 == " " ? "Space" : String($0) }
}

@Suite("Focus and the detail pane")
struct DetailFocusTests {
    let start = AppState(decks: [DeckLoader.bundled()], width: 100, height: 30)

    /// On "AWS Glue Data Catalog" (4 facts), detail focused.
    var onGlue: AppState {
        var state = press(["j", "j", "j", "Tab"], from: start).0
        #expect(state.selectedNode?.title.plainText == "AWS Glue Data Catalog")
        state.selectedFact = 0
        return askingHistory(state)
    }

    @Test func tabAndShiftTabSwitchPanes() {
        var expected = start
        expected.focus = .detail
        expected = askingHistory(expected)
        #expect(press(["Tab"], from: start) == (expected, [.loadFactHistory(expected.selectedFactID!)]))
        #expect(press(["Shift-Tab"], from: start) == (expected, [.loadFactHistory(expected.selectedFactID!)]))
        var back = start
        back.factHistory = expected.factHistory
        #expect(press(["Tab", "Tab"], from: start).0 == back)
    }

    @Test func downAndUpSelectFactsAndStopAtTheEnds() {
        var expected = onGlue
        expected.selectedFact = 1
        expected = askingHistory(expected)
        #expect(press(["j"], from: onGlue).0 == expected)
        #expect(press(["Down"], from: onGlue).0 == expected)
        expected.selectedFact = 3
        expected = askingHistory(expected)
        #expect(press(["j", "j", "j", "j", "j"], from: onGlue).0 == expected)
        #expect(press(["End"], from: onGlue).0 == expected)
        #expect(press(["G"], from: onGlue).0 == expected)
        expected.selectedFact = 0
        expected = askingHistory(expected)
        #expect(press(["G", "k", "k", "k", "k"], from: onGlue).0 == expected)
        #expect(press(["G", "Home"], from: onGlue).0 == expected)
        #expect(press(["G", "g"], from: onGlue).0 == expected)
        // The tree selection does not move while the detail has the focus.
        #expect(press(["j", "j"], from: onGlue).0.selectedRow == onGlue.selectedRow)
    }

    @Test func pageKeysMoveByAPageOfFacts() {
        // 29 rows of panes; 27 inside the box; a page is 9 facts: past the end.
        var expected = onGlue
        expected.selectedFact = 3
        expected = askingHistory(expected)
        #expect(press(["PgDn"], from: onGlue).0 == expected)
        expected.selectedFact = 0
        expected = askingHistory(expected)
        #expect(press(["PgDn", "PgUp"], from: onGlue).0 == expected)
    }

    @Test func hAndLeftGoBackToTheTree() {
        var expected = onGlue
        expected.focus = .tree
        #expect(press(["h"], from: onGlue).0 == expected)
        #expect(press(["Left"], from: onGlue).0 == expected)
    }

    @Test func aTopicWithGroupsListsTheGroupsFacts() {
        let (state, _) = press(Array(repeating: "j", count: 11) + ["Tab", "G"], from: start)
        #expect(state.selectedNode?.detailFacts.count == 6)
        #expect(state.selectedFact == 5)
    }

    @Test func movingInTheTreeStartsTheDetailAtItsFirstFact() {
        var state = onGlue
        state.selectedFact = 2
        state.focus = .tree
        #expect(press(["j"], from: state).0.selectedFact == 0)
        #expect(press(["Enter"], from: state).0.selectedFact == 2) // a leaf: nothing moves
    }
}

@Suite("Search")
struct SearchTests {
    let start = AppState(decks: [DeckLoader.bundled()], width: 100, height: 30)

    @Test func slashStartsASearchAndBuildsTheIndexOnce() {
        #expect(start.searchIndex == nil)
        let (state, effects) = press(["/"], from: start)
        #expect(effects == [])
        #expect(state.searchIndex != nil)
        #expect(state.search == SearchState(origin: SearchMatch(path: NodePath([0, 0, 0]), factIndex: nil)))
        #expect(state.keyContext == .searchInput)
    }

    @Test func typingFindsAFactAndJumpsToIt() {
        let (state, _) = press(["/"] + type("flatten"), from: start)
        let search = state.search!
        #expect(search.query == "flatten")
        #expect(search.matches == [SearchMatch(path: NodePath([0, 0, 1]), factIndex: 0)])
        #expect(search.currentMatch == 0)
        #expect(state.selectedNode?.title.plainText == "Dropout Regularization")
        #expect(state.selectedFact == 0)
        #expect(state.focus == .detail)
    }

    @Test func searchIgnoresCaseAndAccents() {
        let (state, _) = press(["/"] + type("QUÏCKSÎGHT"), from: start)
        #expect(state.search?.matches.first == SearchMatch(path: NodePath([0, 0, 7]), factIndex: nil))
        #expect(state.selectedNode?.title.plainText == "Amazon QuickSight")
        #expect(state.focus == .tree)
    }

    @Test func nAndNStepThroughMatchesAndWrap() {
        let (typed, _) = press(["/"] + type("glue") + ["Enter"], from: start)
        let matches = typed.search!.matches
        #expect(matches.count == 5) // 3 topic titles and 2 facts
        #expect(typed.overlay == nil) // the query is no longer being typed
        #expect(typed.search?.currentMatch == 0)
        #expect(press(["n"], from: typed).0.search?.currentMatch == 1)
        #expect(press(["N"], from: typed).0.search?.currentMatch == 4)
        #expect(press(["n", "n", "n", "n", "n"], from: typed).0.search?.currentMatch == 0)
        let third = press(["n", "n"], from: typed).0
        #expect(third.selectedPath == matches[2].path)
    }

    @Test func theTreeUnfoldsToShowAMatch() {
        var folded = start
        folded.selectedRow = 0
        AppUpdate.update(&folded, .keyPressed("Enter"))
        #expect(folded.rows.count == 1)
        let (found, _) = press(["/"] + type("object2vec"), from: folded)
        #expect(found.collapsed.isEmpty)
        #expect(found.selectedNode?.title.plainText == "SageMaker Object2Vec Algorithm Components")
        #expect(found.rows[found.treeScroll...].prefix(27).contains { $0.path == found.selectedPath })
    }

    @Test func backspaceErasesAndEscCancelsBackToWhereItBegan() {
        let (typed, _) = press(["/"] + type("redshiftx"), from: start)
        #expect(typed.search?.matches == [])
        #expect(typed.selectedRow == start.selectedRow) // no match: back at the origin
        let (erased, _) = press(["Backspace"], from: typed)
        #expect(erased.search?.query == "redshift")
        #expect(erased.selectedNode?.title.plainText == "Redshift in the Scenario")
        var expected = start
        expected.searchIndex = erased.searchIndex
        expected.factHistory = erased.factHistory // asked for on the way, when a fact matched
        #expect(press(["Esc"], from: erased).0 == expected)
    }

    @Test func enterWithNoMatchEndsTheSearch() {
        let (state, _) = press(["/"] + type("zzz") + ["Enter"], from: start)
        #expect(state.search == nil)
        #expect(state.keyContext == .tree)
    }

    @Test func escClearsAKeptSearchAndLeavesTheSelection() {
        let (kept, _) = press(["/"] + type("emr") + ["Enter"], from: start)
        let (cleared, _) = press(["Esc"], from: kept)
        #expect(cleared.search == nil)
        #expect(cleared.selectedRow == kept.selectedRow)
    }

    @Test func keysTypedIntoASearchAreNotCommands() {
        let (state, effects) = press(["/", "q", "j", "?", "Space", "G"], from: start)
        // Nothing but the detail asking for a matched fact's answers.
        #expect(effects.allSatisfy { if case .loadFactHistory = $0 { true } else { false } })
        #expect(state.isRunning)
        #expect(!state.isShowingHelp)
        #expect(state.search?.query == "qj? G")
    }
}

@Suite("Help and mouse")
struct HelpAndMouseTests {
    let start = AppState(decks: [DeckLoader.bundled()], width: 100, height: 30)

    @Test func questionMarkShowsHelpAndAnyKeyClosesIt() {
        var shown = start
        shown.overlay = .help
        #expect(press(["?"], from: start) == (shown, []))
        for key in ["q", "j", "Esc", "?", "Enter"] {
            #expect(press(["?", key], from: start) == (start, []), "\(key)")
        }
    }

    @Test func clickingATreeRowSelectsItAndFocusesTheTree() {
        var state = start
        state.focus = .detail
        AppUpdate.update(&state, .clickedTreeRow(5))
        var expected = start
        expected.selectedRow = 5
        #expect(state == expected)
        AppUpdate.update(&state, .clickedTreeRow(99))
        #expect(state == expected)
    }

    @Test func clickingAFactSelectsItAndFocusesTheDetail() {
        var state = press(["j", "j", "j"], from: start).0
        AppUpdate.update(&state, .clickedFact(2))
        #expect(state.focus == .detail)
        #expect(state.selectedFact == 2)
        AppUpdate.update(&state, .clickedFact(40))
        #expect(state.selectedFact == 3)
    }

    @Test func clickingAPaneFocusesIt() {
        var state = start
        AppUpdate.update(&state, .clickedPane(.detail))
        #expect(state.focus == .detail)
    }

    @Test func theWheelScrollsTheTreeAndTheSelectionStaysOnScreen() {
        var state = start
        AppUpdate.update(&state, .terminalResized(width: 100, height: 10)) // 7 tree rows visible
        AppUpdate.update(&state, .scrolled(.tree, lines: 3))
        #expect(state.treeScroll == 3)
        #expect(state.selectedRow == 3)
        AppUpdate.update(&state, .scrolled(.tree, lines: 100))
        #expect(state.treeScroll == 15)
        #expect(state.selectedRow == 15)
        AppUpdate.update(&state, .scrolled(.tree, lines: -100))
        #expect(state.treeScroll == 0)
        #expect(state.selectedRow == 6)
    }

    @Test func theWheelOverTheDetailMovesTheFactSelection() {
        var state = press(["j", "j", "j"], from: start).0
        AppUpdate.update(&state, .scrolled(.detail, lines: 3))
        #expect(state.selectedFact == 1)
        #expect(state.focus == .detail)
        AppUpdate.update(&state, .scrolled(.detail, lines: -3))
        #expect(state.selectedFact == 0)
    }
}

@Suite("Search folding")
struct SearchFoldingTests {
    @Test func foldsCaseAndAccentsOneCharacterPerGrapheme() {
        #expect(SearchFolding.fold("Précision ÀÉÎÕÜ ß Łódź") == Array("precision aeiou ß lodz"))
        #expect(SearchFolding.fold("e\u{301}") == ["e"])
        #expect(SearchFolding.fold("機械") == ["機", "械"])
    }

    @Test func findsOccurrences() {
        #expect(SearchFolding.occurrences(of: Array("ab"), in: Array("xabyabab")) == [1, 4, 6])
        #expect(SearchFolding.occurrences(of: [], in: Array("abc")) == [])
        #expect(SearchFolding.contains(Array("amazon emr"), Array("emr")))
        #expect(!SearchFolding.contains(Array("em"), Array("emr")))
    }
}

@Suite("Every key in the table")
struct EveryKeyTests {
    let start = AppState(decks: [DeckLoader.bundled()], width: 100, height: 30)

    /// A state in which `command` has something to do.
    private func stateWhere(_ command: Command, in context: KeyContext) -> AppState {
        var state = start
        switch (context, command) {
        case (.tree, .expand), (.tree, .toggle):
            state.selectedRow = 1 // the section: open, with children
        case (.tree, _):
            state.selectedRow = 5
        case (.detail, _):
            state.selectedRow = 5 // AWS Glue Data Catalog: 4 facts
            state.focus = .detail
            state.selectedFact = 1
        case (.global, .nextMatch), (.global, .previousMatch), (.global, .clearSearch):
            state = press(["/", "g", "l", "u", "e", "Enter"], from: start).0
        default:
            break
        }
        return state
    }

    @Test func everyKeyOfThePanesAndGlobalContextsDoesSomething() {
        for context in [KeyContext.tree, .detail, .global] {
            for binding in start.keyMap.bindings(in: context) {
                for key in binding.keys where key != "Ctrl-C" || context == .global {
                    let before = stateWhere(binding.command, in: context)
                    let after = press([key], from: before)
                    #expect(after.0 != before || !after.1.isEmpty, "\(context) \(key) -> \(binding.command)")
                }
            }
        }
    }

    @Test func everyKeyOfTheSearchInputDoesSomething() {
        let typing = press(["/", "e", "m", "r"], from: start).0
        for binding in start.keyMap.bindings(in: .searchInput) {
            for key in binding.keys {
                #expect(press([key], from: typing).0 != typing, "\(key)")
            }
        }
    }
}
