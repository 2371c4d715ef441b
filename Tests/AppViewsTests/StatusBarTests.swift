import Testing
import AppCore
import AppViews
import DeckKit
import StudyCore
import TerminalUI

/// The status bar keeps what matters first when it is narrow, and the pane
/// titles are cut with a mark.
@Suite("Status bar and titles")
struct StatusBarTests {
    let renderer = ScreenRenderer(theme: .monochrome)

    func lastLine(_ state: AppState, width: Int, height: Int = 30) -> String {
        var buffer = ScreenBuffer(size: Size(width: width, height: height))
        renderer.render(state, into: &buffer)
        return buffer.textLines()[height - 1]
    }

    func searching(_ query: String, steps: Int, width: Int) -> AppState {
        var state = AppState(decks: [DeckLoader.bundled()], width: width, height: 30)
        AppUpdate.update(&state, .keyPressed("/"))
        for character in query { AppUpdate.update(&state, .keyPressed(String(character))) }
        AppUpdate.update(&state, .keyPressed("Enter"))
        for _ in 0..<steps { AppUpdate.update(&state, .keyPressed("n")) }
        return state
    }

    @Test("a kept search shows its counter and n/N first, even at 100 and 60 columns")
    func searchCounterAndKeysComeFirst() {
        for width in [100, 60] {
            let state = searching("SAGEMAKER", steps: 2, width: width)
            let count = state.search!.matches.count
            let bar = lastLine(state, width: width)
            #expect(bar.hasPrefix(" /SAGEMAKER  match 3/\(count)"), "\(width): \(bar)")
            #expect(bar.contains("n next") && bar.contains("N prev"), "\(width): \(bar)")
        }
    }

    @Test("without a search, n/N/Esc are not offered: they would do nothing")
    func keysThatDoNothingAreNotShown() {
        let bar = lastLine(AppState(decks: [DeckLoader.bundled()], width: 100, height: 30), width: 100)
        #expect(!bar.contains("n next"))
        #expect(bar.contains("? help") && bar.contains("q quit"))
    }

    @Test("a title too long for its box ends in …")
    func titlesAreCutWithAMark() {
        var buffer = ScreenBuffer(size: Size(width: 20, height: 3))
        buffer.drawBox(Rect(x: 0, y: 0, width: 20, height: 3), title: "Amazon Elastic Inference")
        let top = buffer.textLines()[0]
        #expect(top == "┌─ Amazon Elasti… ─┐", "\(top)")
        var fits = ScreenBuffer(size: Size(width: 20, height: 3))
        fits.drawBox(Rect(x: 0, y: 0, width: 20, height: 3), title: "Topics")
        #expect(fits.textLines()[0].contains(" Topics ") && !fits.textLines()[0].contains("…"))
    }
}
