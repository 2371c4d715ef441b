// Deck load benchmark: how fast a large post becomes a deck, against cmark-gfm
// parsing the same bytes alone (the floor: our loader cannot beat the parser
// it is built on). Prints figures; asserts nothing.
//
//     swift run -c release DeckLoadBenchmark [BULLETS | FILE.md]    (default 100000 bullets)
//
// With a file, its text is loaded instead of a generated post.
import CCmarkGFM
import DeckKit
#if canImport(Glibc)
import Glibc
#endif

func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted[sorted.count / 2]
}

let argument = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "100000"
let post: String
if let bullets = Int(argument) {
    post = GeneratedPost.text(bullets: bullets)
    print("post: \(bullets) bullets, \(String(format2: Double(post.utf8.count) / 1_048_576)) MB")
} else {
    let bytes = try readFile(argument)
    post = String(decoding: bytes, as: UTF8.self)
    print("post: \(argument), \(String(format2: Double(post.utf8.count) / 1_048_576)) MB")
}
let megabytes = Double(post.utf8.count) / 1_048_576

func readFile(_ path: String) throws -> [UInt8] {
    guard let file = fopen(path, "rb") else { throw LoadFailure(path: path) }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let count = fread(&chunk, 1, chunk.count, file)
        if count == 0 { break }
        bytes.append(contentsOf: chunk[0..<count])
    }
    return bytes
}

struct LoadFailure: Error { let path: String }

var cmarkTimes: [Double] = []
var loaderTimes: [Double] = []
var facts = 0
for _ in 0..<5 {
    let start = now()
    cmark_gfm_core_extensions_ensure_registered()
    let parser = cmark_parser_new(CMARK_OPT_DEFAULT)!
    for name in ["table", "strikethrough", "autolink"] {
        cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension(name))
    }
    var text = post
    text.withUTF8 { buffer in
        buffer.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
    }
    let document = cmark_parser_finish(parser)
    cmark_node_free(document)
    cmark_parser_free(parser)
    cmarkTimes.append(now() - start)

    let loadStart = now()
    let deck = try DeckLoader.load(text: post, file: "generated.md")
    loaderTimes.append(now() - loadStart)
    facts = deck.summary.facts
}

let cmarkTime = median(cmarkTimes)
let loaderTime = median(loaderTimes)
print("facts loaded: \(facts)")
print("cmark-gfm parse alone: \(String(format2: cmarkTime * 1000)) ms  (\(String(format2: megabytes / cmarkTime)) MB/s)")
print("DeckLoader.load:       \(String(format2: loaderTime * 1000)) ms  (\(String(format2: megabytes / loaderTime)) MB/s)")
print("ratio loader / cmark:  \(String(format2: loaderTime / cmarkTime))x  (medians of 5)")
print("first load in this process: \(String(format2: loaderTimes[0] * 1000)) ms")

extension String {
    /// Two decimals, without Foundation's String(format:).
    init(format2 value: Double) {
        let scaled = (value * 100).rounded()
        let whole = Int(scaled / 100)
        let fraction = abs(Int(scaled) % 100)
        self = "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
