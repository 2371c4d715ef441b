import DeckKit
import StudyCore

/// The app's logic: a pure function from the state and what happened to the
/// new state and the I/O to do.
///
///     var state = AppState(decks: [DeckLoader.bundled()])
///     let effects = AppUpdate.update(&state, .keyPressed("j"))
///     // state.selectedRow == 3, effects == []
public enum AppUpdate {
    @discardableResult
    public static func update(_ state: inout AppState, _ action: AppAction) -> [Effect] {
        let effects = handle(action, &state)
        // The focused detail shows the selected fact's last answers: ask the
        // store for them when the selection moves to another fact.
        if state.screen == .browse, state.focus == .detail, let id = state.selectedFactID,
           state.factHistory?.factID != id {
            state.factHistory = FactHistory(factID: id, answers: [])
            return effects + [.loadFactHistory(id)]
        }
        return effects
    }

    private static func handle(_ action: AppAction, _ state: inout AppState) -> [Effect] {
        switch action {
        case .clockTicked(let now):
            clockTicked(now, &state)
        case .reviewSaved(let record):
            reviewSaved(record, &state)
        case .reviewReplaced(let record):
            reviewReplaced(record, &state) // the undo entry keeps the same row id
        case .reviewUndone(let record):
            reviewUndone(record, &state)
        case .factsRelinked(let links):
            factsRelinked(links, &state)
        case .relinkRefused(let old, let new):
            relinkRefused(old: old, new: new, &state)
        case .relinkUndone(let link):
            relinkUndone(link, &state)
        case .cardsSaved:
            break // already applied in memory when asked for
        case .reviewActivityLoaded(let activity):
            statsLoaded(activity, &state)
        case .factHistoryLoaded(let history):
            if state.factHistory?.factID == history.factID { state.factHistory = history }
        case .storeFailed(let failure):
            storeFailed(failure, &state)
        case .postsReloaded(let reloaded):
            // The watcher reads the posts during a session only when `e`
            // was used in it; the session then follows the notes.
            takeReloadedPosts(reloaded, &state)
        case .questionsPrepared(let generator):
            // A session that started first made its own, asking the same
            // questions; notes read again meanwhile make this one stale.
            if state.questionGenerator == nil && generator.isBuilt(from: state.decks) {
                state.questionGenerator = generator
            }
        case .storeUpkeepEnded(let problems):
            if !problems.isEmpty {
                state.message = StatusMessage("warning: " + problems.joined(separator: " · "), kind: .error, at: state.now)
            }
        case .editorFailed(let problem):
            state.message = StatusMessage(problem, kind: .error, at: state.now)
        case .postsReading(let line):
            if let line {
                state.message = StatusMessage(line, kind: .progress, at: state.now)
            } else if state.message?.kind == .progress {
                state.message = nil
            }
        case .postsReloadFailed(let reason):
            state.message = StatusMessage("the notes changed but do not load (\(reason)); the last good version stays",
                                          kind: .error, at: state.now)
        case .terminalResized(let width, let height):
            state.layout = PaneLayout(width: width, height: height)
            keepSelectionVisible(&state)
            if var quiz = state.quiz, case .summary = quiz.phase {
                quiz.summaryScroll = 0
                state.screen = .quiz(quiz)
            }
        case .keyPressed(let key):
            // A message lasts until the next key (or its time is up); a
            // progress line until its work says more or ends.
            if state.message?.kind != .progress { state.message = nil }
            return press(key, &state)
        case .clickedTreeRow(let row):
            guard state.screen == .browse, state.overlay == nil, state.rows.indices.contains(row) else { return [] }
            state.focus = .tree
            selectRow(row, &state)
        case .clickedFact(let index):
            guard state.screen == .browse, state.overlay == nil else { return [] }
            state.focus = .detail
            state.selectedFact = clampedFact(index, state)
        case .clickedPane(let pane):
            guard state.screen == .browse, state.overlay == nil else { return [] }
            state.focus = pane
        case .scrolled(.tree, let lines):
            guard state.screen == .browse, state.overlay == nil else { return [] }
            scrollTree(by: lines, &state)
        case .scrolled(.detail, let lines):
            guard state.screen == .browse, state.overlay == nil else { return [] }
            state.focus = .detail
            state.selectedFact = clampedFact(state.selectedFact + lines.signum(), state)
        case .startSession(let mode):
            startSession(mode, &state)
        case .chooseOption(let index):
            return choose(index, &state)
        case .chooseOptions(let indices):
            guard var quiz = state.quiz, quiz.phase == .asking, quiz.question?.choosesSeveral == true else { return [] }
            quiz.marked = Set(indices)
            state.screen = .quiz(quiz)
            return submitChoices(&state)
        case .submitTypedAnswer(let text):
            guard var quiz = state.quiz, quiz.phase == .asking, quiz.question?.kind == .clozeTyped else { return [] }
            quiz.typed = text
            state.screen = .quiz(quiz)
            return submitTyped(&state)
        case .revealCard:
            reveal(&state)
        case .grade(let rating):
            return grade(rating, &state)
        case .acceptSuggestedGrade:
            acceptGrade(&state)
        case .endSession:
            endSession(&state)
        }
        return []
    }

    /// `e`: the post of the selected fact (or node, or the fact just
    /// answered, or the miss selected on the summary) opened in the
    /// learner's editor at its line; the run loop suspends the screen for
    /// it, and the post is read again on return. The bundled post is not a
    /// file: say how to get one.
    static func editFact(_ state: inout AppState) -> [Effect] {
        guard state.editablePosts else {
            state.message = StatusMessage("the bundled post is read-only: awsml-tui init FILE writes it out; "
                                          + "then awsml-tui FILE keeps your progress", at: state.now)
            return []
        }
        var target: (path: NodePath, line: Int)?
        if let quiz = state.quiz, case .feedback = quiz.phase, let id = quiz.question?.factID,
           let path = state.factPaths[id], let fact = state.decks.node(at: path)?.facts.first(where: { $0.id == id }) {
            target = (path, fact.line)
        } else if let quiz = state.quiz, case .summary(let summary) = quiz.phase, !summary.missedQuestions.isEmpty {
            let id = summary.missedQuestions[min(quiz.selectedMiss, summary.missedQuestions.count - 1)].factID
            guard let path = state.factPaths[id], let fact = state.decks.node(at: path)?.facts.first(where: { $0.id == id })
            else {
                state.message = StatusMessage("that fact is no longer in the notes", at: state.now)
                return []
            }
            target = (path, fact.line)
        } else if state.quiz == nil, let path = state.selectedPath, let node = state.decks.node(at: path) {
            let fact = state.focus == .detail ? state.selectedFactID.flatMap { id in node.facts.first { $0.id == id } } : nil
            target = (path, fact?.line ?? node.line)
        }
        guard let target, let deck = target.path.indices.first else { return [] }
        return [.editPost(deck: deck, line: max(1, target.line))]
    }

    /// Takes posts read again: a new state over the new decks, keeping the
    /// place in the tree (by titles), the screen's settings, the undo stack
    /// and today's counts; the question generator is made again on use. A
    /// session on screen follows the notes (`followNotes`).
    static func takeReloadedPosts(_ reloaded: ReloadedPosts, _ state: inout AppState) {
        let titles = state.selectedPath.map { state.decks.titles(along: $0) } ?? []
        var fresh = AppState(decks: reloaded.decks, width: state.layout.screenWidth, height: state.layout.screenHeight,
                             keyMap: state.keyMap, now: state.now, progress: reloaded.progress,
                             scheduler: state.scheduler, studyOptions: state.studyOptions,
                             newFactsStartedToday: state.newFactsStartedToday)
        // Undo entries follow the facts their progress moved to (with a
        // deck renamed too).
        let moved = reloaded.changes.moves
        fresh.undoStack = state.undoStack.map { $0.following(moved) }
        fresh.extraNewToday = state.extraNewToday
        fresh.focus = state.focus == .detail ? .detail : .tree
        fresh.postsWatchInterval = state.postsWatchInterval
        fresh.editablePosts = state.editablePosts
        fresh.notesChanges = reloaded.changes.summary != nil ? reloaded.changes : state.notesChanges
        fresh.lastStoreFailure = state.lastStoreFailure
        if let row = fresh.rows.firstIndex(where: { fresh.decks.titles(along: $0.path) == titles }) {
            fresh.selectedRow = row
        }
        fresh.message = StatusMessage("notes read again" + (reloaded.summary.map { ": " + $0 + " (c: what changed)" } ?? ""),
                                      at: state.now)
        let quiz = state.quiz
        state = fresh
        keepSelectionVisible(&state)
        if let quiz { followNotes(quiz, moved: moved, &state) }
    }

    /// The time moved on: messages expire, an exam out of time ends, and the
    /// tree's due counts follow cards that came due.
    private static func clockTicked(_ now: Timestamp, _ state: inout AppState) {
        state.now = now
        if let message = state.message, now >= message.expiresAt { state.message = nil }
        checkExamClock(&state)
        if let change = state.nextProgressChange, now >= change { state.refreshNodeProgress() }
    }

    /// The fact the detail's `›` marks, when the selected node has facts.
    /// (Extension on AppState below.)

    // MARK: - Keys

    private static func press(_ key: String, _ state: inout AppState) -> [Effect] {
        let context = state.keyContext
        if context == .help {
            state.overlay = nil // any key closes help, and does nothing else
            return []
        }
        if let command = state.keyMap.resolve(key, in: context) { return perform(command, &state) }
        switch context {
        case .searchInput: if let text = typedText(key) { appendToSearch(text, &state) }
        case .quizTyping: if let text = typedText(key) { typeAnswer(text, &state) }
        case .factPicker: if let text = typedText(key) { typeInPicker(text, &state) }
        default: break
        }
        return []
    }

    /// The text a key types into a search: a printable character, or a space.
    private static func typedText(_ key: String) -> String? {
        if key == "Space" { return " " }
        guard key.count == 1, let scalar = key.unicodeScalars.first, scalar.value >= 0x20, scalar.value != 0x7F else {
            return nil
        }
        return key
    }

    static func perform(_ command: Command, _ state: inout AppState) -> [Effect] {
        switch command {
        case .moveUp, .moveDown, .pageUp, .pageDown, .moveToFirst, .moveToLast:
            switch state.screen {
            case .stats: moveInStats(command, &state)
            case .changes: moveInChanges(command, &state)
            case .quiz: scrollSummary(command, &state)
            case .browse: if state.focus == .tree { moveInTree(command, &state) } else { moveInDetail(command, &state) }
            }
        case .collapse: collapseOrGoToParent(&state)
        case .expand: expandOrGoToChild(&state)
        case .toggle: toggle(&state)
        case .focusNextPane, .focusPreviousPane:
            state.focus = state.focus == .tree ? .detail : .tree
        case .focusTree: state.focus = .tree
        case .startSearch:
            let origin = SearchMatch(path: state.selectedPath ?? NodePath([0]),
                                     factIndex: state.focus == .detail ? state.selectedFact : nil)
            if state.searchIndex == nil { state.searchIndex = SearchIndex(decks: state.decks) }
            state.search = SearchState(origin: origin)
            state.overlay = .searchInput
        case .typeSearchText, .typeAnswerText, .typeFactFilter: break // handled with the key's text in `press`
        case .eraseSearchCharacter:
            guard var search = state.search, !search.query.isEmpty else { return [] }
            search.query.removeLast()
            state.search = search
            refreshMatches(&state)
        case .acceptSearch:
            state.overlay = nil
            if state.search?.matches.isEmpty ?? true { state.search = nil }
        case .cancelSearch:
            if let origin = state.search?.origin { jump(to: origin, &state) }
            state.search = nil
            state.overlay = nil
        case .clearSearch:
            state.search = nil
        case .nextMatch: stepMatch(by: 1, &state)
        case .previousMatch: stepMatch(by: -1, &state)
        case .showHelp: state.overlay = .help
        case .closeHelp: state.overlay = nil
        case .startStudy: startSession(.study, &state)
        case .startPractice: startSession(.practice, &state)
        case .startExam: startSession(.exam, &state)
        case .editFact: return editFact(&state)
        case .answer1: return state.screen.changes != nil ? confirmChange(1, &state) : numberPressed(1, &state)
        case .answer2: return state.screen.changes != nil ? confirmChange(2, &state) : numberPressed(2, &state)
        case .answer3: return state.screen.changes != nil ? confirmChange(3, &state) : numberPressed(3, &state)
        case .answer4: return state.screen.changes != nil ? confirmChange(4, &state) : numberPressed(4, &state)
        case .answer5: return state.screen.changes != nil ? confirmChange(5, &state) : numberPressed(5, &state)
        case .answer6: return state.screen.changes != nil ? confirmChange(6, &state) : numberPressed(6, &state)
        case .answer7: return state.screen.changes != nil ? confirmChange(7, &state) : numberPressed(7, &state)
        case .answer8: return state.screen.changes != nil ? confirmChange(8, &state) : numberPressed(8, &state)
        case .answer9: return state.screen.changes != nil ? confirmChange(9, &state) : numberPressed(9, &state)
        case .submitChoices: return submitChoices(&state)
        case .reveal: reveal(&state)
        case .acceptGrade: acceptGrade(&state)
        case .submitTyped: return submitTyped(&state)
        case .eraseTyped: eraseTyped(&state)
        case .clearTyped: clearTyped(&state)
        case .undoAnswer: return undo(&state)
        case .endSession: endSession(&state)
        case .redrillMisses: redrillMisses(&state)
        case .closeQuiz:
            state.screen = .browse
        case .showStats:
            return showStats(&state)
        case .closeStats, .closeChanges:
            state.screen = .browse
        case .showChanges: showChanges(&state)
        case .discardChange: return discardChange(&state)
        case .pickFactToRelink: openFactPicker(&state)
        case .eraseFactFilter: eraseInPicker(&state)
        case .relinkToPickedFact: return relinkToPickedFact(&state)
        case .cancelFactPicker: cancelFactPicker(&state)
        case .openStatsTopic:
            openStatsTopic(&state)
        case .toggleSuspend: return toggleSuspend(&state)
        case .toggleBury: return toggleBury(&state)
        case .raiseNewLimit: raiseNewLimit(&state)
        case .repaint: return [.repaint]
        case .quit:
            state.isRunning = false
            return [.quit]
        }
        return []
    }

    // MARK: - Tree

    private static func moveInTree(_ command: Command, _ state: inout AppState) {
        let page = max(1, state.layout.tree.innerHeight - 1)
        selectRow(moved(state.selectedRow, by: command, page: page, last: max(0, state.rows.count - 1)), &state)
    }

    /// Where a move command takes an index in `0...last`, a page being `page` long.
    static func moved(_ index: Int, by command: Command, page: Int, last: Int) -> Int {
        let target: Int
        switch command {
        case .moveUp: target = index - 1
        case .moveDown: target = index + 1
        case .pageUp: target = index - page
        case .pageDown: target = index + page
        case .moveToFirst: target = 0
        default: target = last
        }
        return min(max(0, target), last)
    }

    /// Selects a tree row; the detail starts again at its first fact.
    private static func selectRow(_ row: Int, _ state: inout AppState) {
        if row != state.selectedRow { state.selectedFact = 0 }
        state.selectedRow = row
        keepSelectionVisible(&state)
    }

    private static func collapseOrGoToParent(_ state: inout AppState) {
        guard state.rows.indices.contains(state.selectedRow) else { return }
        let row = state.rows[state.selectedRow]
        if row.hasChildren && row.isExpanded {
            state.collapsed.insert(row.path)
            state.refreshRows(selecting: row.path)
            keepSelectionVisible(&state)
        } else if let parent = row.path.parent, let index = state.rows.firstIndex(where: { $0.path == parent }) {
            selectRow(index, &state)
        }
    }

    private static func expandOrGoToChild(_ state: inout AppState) {
        guard state.rows.indices.contains(state.selectedRow) else { return }
        let row = state.rows[state.selectedRow]
        guard row.hasChildren else { return }
        if row.isExpanded {
            selectRow(min(state.selectedRow + 1, state.rows.count - 1), &state)
        } else {
            state.collapsed.remove(row.path)
            state.refreshRows(selecting: row.path)
            keepSelectionVisible(&state)
        }
    }

    private static func toggle(_ state: inout AppState) {
        guard state.rows.indices.contains(state.selectedRow) else { return }
        let row = state.rows[state.selectedRow]
        guard row.hasChildren else { return }
        if row.isExpanded { state.collapsed.insert(row.path) } else { state.collapsed.remove(row.path) }
        state.refreshRows(selecting: row.path)
        keepSelectionVisible(&state)
    }

    /// Scrolls the tree by `lines`; the selection moves with it only as far
    /// as it must to stay on screen.
    private static func scrollTree(by lines: Int, _ state: inout AppState) {
        let visible = max(1, state.layout.tree.innerHeight)
        let maxScroll = max(0, state.rows.count - visible)
        state.treeScroll = min(max(0, state.treeScroll + lines), maxScroll)
        let clamped = min(max(state.selectedRow, state.treeScroll), state.treeScroll + visible - 1)
        if clamped != state.selectedRow { selectRow(min(clamped, max(0, state.rows.count - 1)), &state) }
    }

    /// Scrolls the tree the least needed to show the selected row.
    static func keepSelectionVisible(_ state: inout AppState) {
        let visible = max(1, state.layout.tree.innerHeight)
        if state.selectedRow < state.treeScroll {
            state.treeScroll = state.selectedRow
        } else if state.selectedRow >= state.treeScroll + visible {
            state.treeScroll = state.selectedRow - visible + 1
        }
        state.treeScroll = max(0, min(state.treeScroll, max(0, state.rows.count - visible)))
    }

    // MARK: - Detail

    private static func moveInDetail(_ command: Command, _ state: inout AppState) {
        // A page of facts: facts take two or three lines each on most screens.
        let page = max(1, state.layout.detail.innerHeight / 3)
        let last = max(0, (state.selectedNode?.detailFacts.count ?? 0) - 1)
        state.selectedFact = moved(state.selectedFact, by: command, page: page, last: last)
    }

    private static func clampedFact(_ index: Int, _ state: AppState) -> Int {
        let count = state.selectedNode?.detailFacts.count ?? 0
        return min(max(0, index), max(0, count - 1))
    }

    // MARK: - Search

    private static func appendToSearch(_ text: String, _ state: inout AppState) {
        state.search?.query += text
        refreshMatches(&state)
    }

    /// Finds the query's matches and shows the first one from where the search
    /// began (wrapping around); with none, the selection goes back there.
    private static func refreshMatches(_ state: inout AppState) {
        guard var search = state.search else { return }
        search.matches = state.searchIndex?.matches(for: search.query) ?? []
        let origin = search.origin
        search.currentMatch = search.matches.isEmpty ? nil
            : search.matches.firstIndex { isAtOrAfter($0, origin) } ?? 0
        state.search = search
        if let current = search.currentMatch {
            jump(to: search.matches[current], &state)
        } else {
            jump(to: origin, &state)
        }
    }

    private static func isAtOrAfter(_ match: SearchMatch, _ origin: SearchMatch) -> Bool {
        if match.path != origin.path { return origin.path < match.path }
        return (match.factIndex ?? -1) >= (origin.factIndex ?? -1)
    }

    private static func stepMatch(by step: Int, _ state: inout AppState) {
        guard var search = state.search, !search.matches.isEmpty else { return }
        let count = search.matches.count
        search.currentMatch = ((search.currentMatch ?? -step) + step + count) % count
        state.overlay = nil
        state.search = search
        jump(to: search.matches[search.currentMatch!], &state)
    }

    /// Shows a match: unfolds its ancestors, selects its node, and for a fact
    /// selects the fact and focuses the detail.
    private static func jump(to match: SearchMatch, _ state: inout AppState) {
        var ancestor = match.path.parent
        while let path = ancestor {
            state.collapsed.remove(path)
            ancestor = path.parent
        }
        state.refreshRows(selecting: match.path)
        keepSelectionVisible(&state)
        if let factIndex = match.factIndex {
            state.selectedFact = clampedFact(factIndex, state)
            state.focus = .detail
        } else {
            state.selectedFact = 0
            state.focus = .tree
        }
    }
}
