// Loader fuzzing, for long runs: seeded mutations of the bundled post and of
// small posts, each loaded; any crash stops the process (the seed printed
// last replays it). Prints executions and their rate.
//
//     LoaderFuzz SECONDS [FIRST_SEED]
#if canImport(Glibc)
import Glibc
#endif
import DeckKit

func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

let seconds = CommandLine.arguments.count > 1 ? Double(CommandLine.arguments[1]) ?? 60 : 60
var seed = CommandLine.arguments.count > 2 ? UInt64(CommandLine.arguments[2]) ?? 1 : 1
let corpus: [[UInt8]] = [
    Array(DeckLoader.bundledText.utf8),
    Array("---\ntitle: t\ntags: [a, b]\n---\n# A\n- **B** c `d` [e](f)\n  - g\n1. h\n| x | y |\n|---|---|\n| 1 | 2 |\n".utf8),
    Array("- loose\n\n# H\n> - quoted\n- **Label**\n- under it\n```\ncode\n```\n".utf8),
]
let start = now()
var executions = 0, loaded = 0, refused = 0
while now() - start < seconds {
    var mutator = PostMutator(seed: seed)
    let input = mutator.mutate(corpus[Int(seed % UInt64(corpus.count))])
    do {
        let deck = try DeckLoader.load(bytes: input, file: "fuzz.md")
        loaded += deck.summary.facts >= 0 ? 1 : 0
    } catch {
        refused += 1
    }
    executions += 1
    seed += 1
}
let elapsed = now() - start
print("LoaderFuzz: \(executions) executions in \(Int(elapsed)) s (\(Int(Double(executions) / elapsed))/s): \(loaded) loaded, \(refused) refused, 0 crashes; next seed \(seed)")
