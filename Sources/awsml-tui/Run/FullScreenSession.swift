import AppCore
import AppViews
import ArgumentParser
import CursesBackend
import DeckKit
import TerminalUI

/// The run loop of the full screen: event -> action -> `update` -> effects ->
/// render into a buffer -> the backend draws what changed.
///
/// The terminal is restored on every way out: `q`, Ctrl-C, SIGTERM, SIGHUP
/// (the backend turns them into events), a thrown error (the `defer`), and a
/// crash (the C signal guard).
struct FullScreenSession {
    let decks: [Deck]
    let useColour: Bool
    let useMouse: Bool
    let environment: [String: String]

    func run() throws {
        if let reason = CursesTerminal.unsuitableTerminalReason(environment: environment) {
            StandardError.write("awsml-tui: error: \(reason)\n")
            throw ExitCode(2)
        }
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal.start(useColour: useColour, useMouse: useMouse)
        } catch {
            StandardError.write("awsml-tui: error: \(error)\n")
            throw ExitCode(2)
        }
        var endingSignal: Int32?
        do {
            defer { terminal.stop() }
            endingSignal = loop(on: terminal)
        }
        if let endingSignal { CursesTerminal.endProcess(bySignal: endingSignal) }
    }

    /// Runs until the user quits or input ends; returns the signal that ended
    /// it, if one did.
    private func loop(on terminal: CursesTerminal) -> Int32? {
        let size = terminal.size
        var state = AppState(decks: decks, width: size.width, height: size.height)
        let theme: Theme = useColour ? .colour : .monochrome
        let renderer = ScreenRenderer(theme: theme)
        let hitTester = HitTester(theme: theme)
        while state.isRunning {
            var buffer = ScreenBuffer(size: terminal.size)
            renderer.render(state, into: &buffer)
            terminal.draw(buffer)

            let action: AppAction
            switch terminal.nextEvent() {
            case .key(let key): action = .keyPressed(key.name)
            case .mouse(let event):
                let hit: AppAction? = switch event.action {
                case .click: hitTester.click(x: event.x, y: event.y, in: state)
                case .wheel(let lines): hitTester.wheel(lines: lines, x: event.x, y: event.y, in: state)
                }
                guard let hit else { continue }
                action = hit
            case .resize(let size): action = .terminalResized(width: size.width, height: size.height)
            case .signal(let signal): return signal
            case .endOfInput: return nil
            }
            for effect in AppUpdate.update(&state, action) {
                switch effect {
                case .quit: state.isRunning = false
                }
            }
        }
        return nil
    }
}
