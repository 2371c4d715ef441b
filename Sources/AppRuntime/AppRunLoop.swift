import AppCore
import AppViews
import StudyCore
import TerminalUI

/// The full screen's loop, over any `TerminalBackend` and `ProgressStore`:
/// event → action → `update` → effects (their results through `update`
/// again) → render into a buffer → the backend draws what changed.
///
/// The clock is passed in: the real program reads the system clock, a test
/// passes a clock it moves. Before each event the time goes to `update` as
/// `.clockTicked`; while something runs on time (an exam's countdown, a
/// message, a card coming due) the backend is asked to wake up after
/// `AppState.wakeUpAfter` with `.tick`, which is a clock tick alone.
public struct AppRunLoop {
    public let backend: any TerminalBackend
    public let store: any ProgressStore
    public let clock: () -> Timestamp
    public let theme: Theme
    /// Called once after the first frame is drawn (the daily backup).
    public var afterFirstFrame: () -> Void = {}
    /// Looks outside for a change after every event and tick (the posts on
    /// disk, `PostWatcher`); what it reports goes through `update` like any
    /// action. Nil when it has nothing to say (it keeps its own pace, and
    /// may wait, for a session to close say: it is shown the state).
    public var watch: (AppState) -> AppAction? = { _ in nil }
    /// Asked after every event, before the event's own action: the result
    /// of work done off the loop, if one has come (the question generator
    /// prepared while the screen opened, `QuestionPreparation`), as an
    /// action for `update`. Polled, never waited on: work not done yet is
    /// simply not there, and `update` does without it.
    public var incoming: () -> AppAction? = { nil }
    /// Asked before an action that would make the question generator on
    /// the spot (`AppState.needsQuestionGenerator(for:)`: `s` with none
    /// prepared yet): the one being prepared off the loop, waited for a
    /// moment at most, as an action. Pressed the moment the screen opens, `s`
    /// found the preparation a few milliseconds from done and made a second
    /// generator itself (33 ms on a 100,000-fact post, against 1 ms).
    public var awaitQuestions: () -> AppAction? = { nil }
    /// Opens post `deck` at `line` in the learner's editor (`.editPost`),
    /// the backend's screen suspended meanwhile (`TerminalBackend.outside`);
    /// the watcher is then told to look at once. What went wrong, if
    /// anything, comes back as an action (`.editorFailed`).
    public var edit: (_ deck: Int, _ line: Int) -> AppAction? = { _, _ in nil }

    public init(backend: any TerminalBackend, store: any ProgressStore, theme: Theme, clock: @escaping () -> Timestamp) {
        self.backend = backend
        self.store = store
        self.theme = theme
        self.clock = clock
    }

    /// Runs until the user quits or input ends; returns the signal that ended
    /// it, if one did.
    public func run(_ state: inout AppState) -> Int32? {
        let renderer = ScreenRenderer(theme: theme)
        let hitTester = HitTester(theme: theme)
        let backend = self.backend
        let edit = self.edit
        var editorProblem: AppAction?
        let runner = EffectRunner(store: store) { effect in
            switch effect {
            case .repaint: backend.invalidate()
            case .editPost(let deck, let line): backend.outside { editorProblem = edit(deck, line) }
            default: break
            }
        }
        var firstFrame = true
        runner.run(AppUpdate.update(&state, .clockTicked(clock())), on: &state)
        while state.isRunning {
            var buffer = ScreenBuffer(size: backend.size)
            renderer.render(state, into: &buffer)
            backend.draw(buffer)
            if firstFrame {
                firstFrame = false
                afterFirstFrame()
            }
            let event = backend.nextEvent(timeoutMilliseconds: state.wakeUpAfter)
            let action: AppAction?
            switch event {
            case .key(let key): action = .keyPressed(key.name)
            case .mouse(let event):
                action = switch event.action {
                case .click: hitTester.click(x: event.x, y: event.y, in: state)
                case .wheel(let lines): hitTester.wheel(lines: lines, x: event.x, y: event.y, in: state)
                }
            case .resize(let size): action = .terminalResized(width: size.width, height: size.height)
            case .tick: action = nil
            case .signal(let signal): return signal
            case .endOfInput: return nil
            }
            runner.run(AppUpdate.update(&state, .clockTicked(clock())), on: &state)
            while let arrived = incoming() { runner.run(AppUpdate.update(&state, arrived), on: &state) }
            if let action, state.needsQuestionGenerator(for: action), let prepared = awaitQuestions() {
                runner.run(AppUpdate.update(&state, prepared), on: &state)
            }
            if let action { runner.run(AppUpdate.update(&state, action), on: &state) }
            if let problem = editorProblem {
                editorProblem = nil
                runner.run(AppUpdate.update(&state, problem), on: &state)
            }
            if let change = watch(state) { runner.run(AppUpdate.update(&state, change), on: &state) }
        }
        return nil
    }
}
