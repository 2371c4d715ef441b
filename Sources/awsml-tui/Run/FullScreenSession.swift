import AppCore
import AppRuntime
import AppViews
import ArgumentParser
import CursesBackend
import DeckKit
import ProgressSQLite
import SafeText
import StudyCore
import TerminalUI

/// The run loop of the full screen: event -> action -> `update` -> effects ->
/// render into a buffer -> the backend draws what changed.
///
/// It is the composition root: it reads the clock (`SystemClock`) and hands
/// the time to `update` as `.clockTicked` before every event, and it runs the
/// effects `update` returns: an answer is written to the store before the next
/// frame is drawn.
///
/// The terminal is restored on every way out: `q`, Ctrl-C, SIGTERM, SIGHUP
/// (the backend turns them into events), a thrown error (the `defer`), and a
/// crash (the C signal guard).
struct FullScreenSession {
    let decks: [Deck]
    /// The decks as loaded, with their fingerprints: their outlines are kept
    /// in the store after the first frame (`PostOutlines`).
    var posts: [LoadedPost] = []
    /// The posts as given on the command line (none: the bundled post),
    /// watched for changes while the screen is open.
    var files: [String] = []
    let useColour: Bool
    let useMouse: Bool
    let environment: [String: String]
    let storePath: String?
    let studyOptions: StudyOptions
    /// The store, if it is being opened already (nil: open it here).
    var earlyStore: EarlyStoreOpen?

    func run() throws {
        if let reason = CursesTerminal.unsuitableTerminalReason(environment: environment) {
            throw CommandFailure.report(reason)
        }
        // The store is opened (and checked) before the screen is taken, so a
        // bad file is one line on a normal terminal; perhaps already, on a
        // second thread (`EarlyStoreOpen`). Daily backup after the first frame.
        let now = SystemClock.now()
        let path = StoreLocation.path(explicit: try ArgumentBytes.storePath(storePath), environment: environment)
        var opened: EarlyStoreOpen.Opened
        let startedToday: Int
        let changes: NotesChanges
        let questions: QuestionPreparation?
        do {
            let checkRecord = StoreCheckRecord.file(environment: environment)
            opened = try earlyStore?.result(forPath: path)?.get()
                ?? EarlyStoreOpen.open(path: path, now: now, checkRecord: checkRecord)
            // The question generator is made on the other core while the
            // notes are checked and the screen opens (not sooner: the store
            // may still be reading its cards there).
            questions = QuestionPreparation.begin(decks: decks)
            // New facts count against --new-per-day from the start of the learner's day.
            startedToday = try opened.store.newFactsStarted(since: studyOptions.dayBoundary.startOfDay(containing: now))
            // Progress follows facts edited, moved or renamed since last time.
            changes = try NotesChanges.follow(decks: decks, cards: opened.cards, cardsPerDeck: opened.cardsPerDeck,
                                              store: opened.store, now: now, apply: true)
            opened.cards = changes.applied(to: opened.cards)
        } catch {
            throw CommandFailure.report(error)
        }
        let store = opened.store
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal.start(useColour: useColour, useMouse: useMouse)
        } catch {
            throw CommandFailure.report(error)
        }
        var endingSignal: Int32?
        do {
            defer { terminal.stop() }
            var state = AppState(decks: decks, width: terminal.size.width, height: terminal.size.height, now: now,
                                 progress: opened.cards, studyOptions: studyOptions,
                                 newFactsStartedToday: startedToday)
            // What the store works without (a backup it cannot keep) is said
            // in the status bar from the first frame.
            let warnings = store.warnings + [store.dailyBackupProblem(now: now)].compactMap { $0 }
            if !warnings.isEmpty {
                state.message = StatusMessage("warning: " + warnings.map(\.summary).joined(separator: " · "),
                                              kind: .error, at: now)
            } else if let summary = changes.summary {
                state.message = StatusMessage(summary + " (c: what changed)", at: now)
            }
            state.notesChanges = changes
            endingSignal = loop(&state, on: terminal, store: store, questions: questions)
        }
        if let endingSignal { CursesTerminal.endProcess(bySignal: endingSignal) }
    }

    /// Runs until the user quits or input ends; returns the signal that ended
    /// it, if one did.
    private func loop(_ state: inout AppState, on terminal: CursesTerminal, store: SQLiteProgressStore,
                      questions: QuestionPreparation?) -> Int32? {
        var runLoop = AppRunLoop(backend: terminal, store: store, theme: useColour ? .colour : .monochrome,
                                 clock: SystemClock.now)
        let now = state.now
        // Not before the first frame, and not on the run loop: a copy of
        // the store once a day (a folder that cannot take it was said in
        // the status bar already), then each post's outline, when the store
        // has none of this version of it (a cache for `stats`). A key
        // pressed meanwhile is answered at once (`StoreUpkeep`).
        let upkeep = StoreUpkeep(store: store, posts: posts, now: now)
        runLoop.afterFirstFrame = upkeep.start
        // Whichever comes first, then the other.
        runLoop.incoming = { questions?.arrived() ?? upkeep.arrived() }
        // `s` before the generator is handed over waits for it (its index is
        // at most a few tens of milliseconds off), rather than make another.
        runLoop.awaitQuestions = { questions?.waitForMade(milliseconds: QuestionPreparation.longestWait) }
        // Quitting interrupts a write in flight and joins the thread, so the
        // store closes whole (on every way out of the loop).
        defer { upkeep.stop() }
        // The posts read again on a change, and their outlines' upkeep
        // stopped as the first's is.
        let watcher = files.isEmpty ? nil : PostWatcher(files: files, store: store)
        defer { watcher?.stop() }
        if let watcher {
            state.postsWatchInterval = PostWatcher.interval
            state.editablePosts = true
            runLoop.watch = watcher.check
            // A deck's post by its file name as shown (a file given twice is one deck).
            let files = self.files, decks = state.decks, environment = self.environment
            runLoop.edit = { deck, line in
                guard decks.indices.contains(deck),
                      let file = files.first(where: { ArgumentBytes.shown($0) == decks[deck].file }) else { return nil }
                let problem = EditorLauncher.open(path: ArgumentBytes.bytes(of: file), line: line, environment: environment)
                watcher.lookNow()
                return problem.map { AppAction.editorFailed(TerminalSafe.line($0)) }
            }
        }
        return runLoop.run(&state)
    }
}
