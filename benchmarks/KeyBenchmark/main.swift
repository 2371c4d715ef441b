// Key benchmark: what one navigation key costs in process (no terminal):
// one `update` and one `render` into a 120x40 buffer, on the bundled post and
// on a generated post of 100,000 facts. The baseline, in the same run, is
// clearing the same buffer. Prints figures; asserts nothing.
//
//     KeyBenchmark [FACTS [KEYS]]     (default 100000 facts, 2000 keys)
#if canImport(Glibc)
import Glibc
#endif
import AppCore
import AppViews
import DeckKit
import TerminalUI

func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// A post of `facts` bullets in topics of 50 under sections of 5,000.
func generatedPost(facts: Int) -> String {
    var post = "# Generated\n"
    for index in 0..<facts {
        if index % 5000 == 0 { post += "\n## Section \(index / 5000 + 1)\n" }
        if index % 50 == 0 { post += "\n### Topic \(index / 50 + 1)\n\n" }
        post += "- Fact \(index): Amazon SageMaker streams data with Pipe input mode for \(index % 97) TB datasets.\n"
    }
    return post
}

/// Microseconds per key for `keys` presses cycling through `sequence`.
func microsecondsPerKey(_ deck: Deck, keys: Int, sequence: [String]) -> Double {
    var state = AppState(decks: [deck], width: 120, height: 40)
    let renderer = ScreenRenderer(theme: .colour)
    var buffer = ScreenBuffer(size: Size(width: 120, height: 40))
    let start = now()
    for index in 0..<keys {
        AppUpdate.update(&state, .keyPressed(sequence[index % sequence.count]))
        renderer.render(state, into: &buffer)
    }
    return (now() - start) / Double(keys) * 1e6
}

func microsecondsPerClear(_ count: Int) -> Double {
    var buffer = ScreenBuffer(size: Size(width: 120, height: 40))
    let start = now()
    for _ in 0..<count { buffer.fill(buffer.bounds) }
    return (now() - start) / Double(count) * 1e6
}

let facts = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 100_000 : 100_000
let keyCount = CommandLine.arguments.count > 2 ? Int(CommandLine.arguments[2]) ?? 2000 : 2000
let bundled = DeckLoader.bundled()
let large = try DeckLoader.load(text: generatedPost(facts: facts), file: "generated.md")
let moves = ["j", "j", "j", "k", "PgDn", "j", "G", "g"]
let clear = microsecondsPerClear(2000)
let small = microsecondsPerKey(bundled, keys: keyCount, sequence: moves)
let big = microsecondsPerKey(large, keys: keyCount, sequence: moves)
print("baseline: clearing a 120x40 buffer: \(String(format1: clear)) us")
print("bundled post (42 facts): \(String(format1: small)) us per key (\(String(format1: small / clear))x the clear)")
print("generated post (\(large.summary.facts) facts): \(String(format1: big)) us per key (\(String(format1: big / clear))x the clear)")

extension String {
    init(format1 value: Double) {
        let scaled = Int((value * 10).rounded())
        self = "\(scaled / 10).\(abs(scaled % 10))"
    }
}
