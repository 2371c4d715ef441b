import Foundation
import Testing
import AppCore
import AppRuntime
import DeckKit
import StudyCore
import TerminalUI

/// `e` through the run loop: the screen is handed over (`outside`), the
/// editor runs with the post and line, and the watcher is asked at once, its
/// answer going through `update`.
@Suite("Run loop: the editor")
struct EditorRunLoopTests {
    @Test func eHandsTheTerminalToTheEditorThenTakesWhatTheWatcherReads() throws {
        var harness = try Harness()
        harness.state.editablePosts = true
        let line = harness.state.selectedNode!.line
        var edits: [[Int]] = []
        var watched = 0
        let reloaded = ReloadedPosts(decks: harness.state.decks, progress: [:], summary: "1 fact changed since last time: 1 re-linked")
        harness.backend.events = [.key(.character("e"))]
        var loop = AppRunLoop(backend: harness.backend, store: harness.store, theme: .monochrome) { [clock = harness.clock] in clock.now }
        loop.edit = { deck, line in
            edits.append([deck, line])
            return nil
        }
        loop.watch = { _ in
            watched += 1
            return edits.count == 1 && watched == 1 ? .postsReloaded(reloaded) : nil
        }
        _ = loop.run(&harness.state)
        #expect(edits == [[0, max(1, line)]])
        #expect(harness.backend.timesOutside == 1)
        #expect(harness.state.message?.text == "notes read again: 1 fact changed since last time: 1 re-linked (c: what changed)")
    }

    @Test func anEditorThatFailsIsSaidInTheStatusBar() throws {
        var harness = try Harness()
        harness.state.editablePosts = true
        harness.backend.events = [.key(.character("e"))]
        var loop = AppRunLoop(backend: harness.backend, store: harness.store, theme: .monochrome) { [clock = harness.clock] in clock.now }
        loop.edit = { _, _ in .editorFailed("the editor was not found: nosuchedit (set $EDITOR)") }
        _ = loop.run(&harness.state)
        #expect(harness.state.message?.text == "the editor was not found: nosuchedit (set $EDITOR)")
        #expect(harness.state.message?.kind == .error)
    }
}
