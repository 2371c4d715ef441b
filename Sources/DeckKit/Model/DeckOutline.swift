/// What `awsml-tui stats` needs of a deck, without its Markdown: the title,
/// every fact id in post order with its topic path (titles below the deck),
/// and each fact's plain text (for naming leeches).
///
/// The store keeps one per post as it was last loaded by a command that
/// writes (the full screen, `quiz`), keyed by the post's `PostFingerprint`,
/// so `stats` on a 12 MB post it has seen reads a megabyte from the store
/// instead of parsing the post (1.4 s). It is made from the loaded `Deck`, so
/// the statistics of the two are the same facts under the same topics.
///
///     let outline = DeckOutline(deck: deck)
///     outline.scope          // [(FactID, [String])], as `StatsReport.scope(of: deck)`
///     DeckOutline.decoding(facts: outline.encodedFacts(), texts: outline.encodedTexts(), title: outline.title)
public struct DeckOutline: Hashable, Sendable {
    /// Consecutive facts of one topic node.
    public struct Run: Hashable, Sendable {
        /// Titles below the deck down to the node.
        public var path: [String]
        public var factCount: Int

        public init(path: [String], factCount: Int) {
            self.path = path
            self.factCount = factCount
        }
    }

    /// The title the loader gave the deck (before `Deck.keptApart`, which
    /// depends on the other posts given with it).
    public var title: String
    /// The facts' topic nodes in post order; their counts add up to `facts.count`.
    public var runs: [Run]
    /// Every fact's id in post order (`FactListing`'s order).
    public var facts: [FactID]
    /// Where each fact's `text.plainText` comes from, in the same order as
    /// `facts`: the stored chunks (`encodedTexts()`), or the deck the
    /// outline was made from, whose texts are encoded a chunk at a time as
    /// they are written (`forEachTextChunk`). A `String` per fact and then
    /// every chunk at once were +200 MB beside the deck of a 58 MB post the
    /// first time it was opened; the deck is held by its session anyway.
    private enum TextSource: Hashable, Sendable {
        case chunks([[UInt8]])
        case deck(Deck)
    }

    private var textSource: TextSource

    public init(title: String, runs: [Run], facts: [FactID], texts: [String]) {
        var chunks = OutlineBytes.TextChunks(total: texts.count)
        for text in texts {
            var text = text
            text.withUTF8 { chunks.append($0) }
        }
        self.init(title: title, runs: runs, facts: facts, textSource: .chunks(chunks.finished))
    }

    private init(title: String, runs: [Run], facts: [FactID], textSource: TextSource) {
        self.title = title
        self.runs = runs
        self.facts = facts
        self.textSource = textSource
    }

    /// The outline of a loaded deck: its nodes visited as `FactListing` does
    /// (a node's facts, then its children in order).
    public init(deck: Deck) {
        var runs: [Run] = [], facts: [FactID] = []
        facts.reserveCapacity(deck.root.totalFactCount)
        func visit(_ node: TopicNode, _ path: [String]) {
            if !node.facts.isEmpty { runs.append(Run(path: path, factCount: node.facts.count)) }
            for fact in node.facts { facts.append(fact.id) }
            for child in node.children { visit(child, path + [child.title.plainText]) }
        }
        visit(deck.root, [])
        self.init(title: deck.title, runs: runs, facts: facts, textSource: .deck(deck))
    }

    /// Each fact's `text.plainText`, in the same order as `facts` (each
    /// call makes them anew); empty when not read.
    public var texts: [String] {
        var texts: [String] = []
        texts.reserveCapacity(facts.count)
        forEachTextChunk { chunk, bytes in
            let start = chunk * Self.textsPerChunk
            let count = min(Self.textsPerChunk, facts.count - start)
            guard count > 0,
                  let found = Self.texts(inChunk: chunk, encoded: bytes, factCount: facts.count,
                                         at: Set(start..<start + count))
            else { return }
            texts.append(contentsOf: (start..<start + count).compactMap { found[$0] })
        }
        return texts
    }

    /// The facts with their topic paths, in post order: what the statistics
    /// are counted over (each run's path shared, not copied).
    public var scope: [(FactID, [String])] {
        var scope: [(FactID, [String])] = []
        scope.reserveCapacity(facts.count)
        var index = 0
        for run in runs {
            for _ in 0..<run.factCount {
                scope.append((facts[index], run.path))
                index += 1
            }
        }
        return scope
    }

    /// Where each fact of `wanted` is in `facts` (the last of a repeated id,
    /// as `StatsReport` finds texts in a deck).
    public func positions(of wanted: Set<FactID>) -> [FactID: Int] {
        var found: [FactID: Int] = [:]
        guard !wanted.isEmpty else { return found }
        for (position, id) in facts.enumerated() where wanted.contains(id) { found[id] = position }
        return found
    }

    // MARK: - Stored form

    /// Marks the stored form's version: a blob of another version is not
    /// read (the post is parsed instead).
    static let factsMagic: [UInt8] = Array("AOF1".utf8)
    static let textsMagic: [UInt8] = Array("AOT1".utf8)

    /// The runs and ids as bytes: the magic, then the run count and each run
    /// (fact count, path length, each title), then the fact count, a form
    /// byte and each id: form 1 when every id is 16 hex digits, each as its
    /// 8 bytes (little-endian; read back without a string per id), else
    /// form 0, each as a string. Every number a LEB128 varint, every string
    /// its byte count and UTF-8.
    public func encodedFacts() -> [UInt8] {
        var writer = OutlineBytes.Writer(magic: Self.factsMagic)
        writer.number(runs.count)
        for run in runs {
            writer.number(run.factCount)
            writer.number(run.path.count)
            for title in run.path { writer.string(title) }
        }
        writer.number(facts.count)
        if facts.allSatisfy({ $0.other == nil }) {
            writer.bytes.append(1)
            writer.bytes.reserveCapacity(writer.bytes.count + facts.count * 8)
            for id in facts { withUnsafeBytes(of: id.bits.littleEndian) { writer.bytes.append(contentsOf: $0) } }
        } else {
            writer.bytes.append(0)
            for id in facts { writer.string(id.rawValue) }
        }
        return writer.bytes
    }

    /// How many texts one stored chunk holds: `stats` reads the chunks of
    /// the few leeches it names, not the texts of the whole post.
    public static let textsPerChunk = 1024

    /// The texts as stored chunks of `textsPerChunk`, in order: each the
    /// magic, its count and its texts (each its byte count and UTF-8).
    public func encodedTexts() -> [[UInt8]] {
        var chunks: [[UInt8]] = []
        forEachTextChunk { chunks.append($1) }
        return chunks
    }

    /// Calls `body` with each stored chunk of texts and its number, in
    /// order; an outline made from a deck encodes each chunk from the deck's
    /// texts just before its call, so one chunk is in memory at a time.
    public func forEachTextChunk(_ body: (Int, [UInt8]) throws -> Void) rethrows {
        switch textSource {
        case .chunks(let chunks):
            for (number, chunk) in chunks.enumerated() { try body(number, chunk) }
        case .deck(let deck):
            var writer = OutlineBytes.TextChunks(total: facts.count)
            var number = 0
            func visit(_ node: TopicNode) throws {
                for fact in node.facts {
                    fact.text.withPlainUTF8 { writer.append($0) }
                    if let chunk = writer.takeFinished() {
                        try body(number, chunk)
                        number += 1
                    }
                }
                for child in node.children { try visit(child) }
            }
            try visit(deck.root)
        }
    }

    /// The outline from its stored bytes (without texts: `texts(inChunk:…)`
    /// reads those wanted), or nil when they are not exactly what
    /// `encodedFacts` writes (another version, truncated, counts that
    /// disagree, bytes that are not UTF-8): the caller then parses the post.
    public static func decoding(facts bytes: [UInt8], title: String) -> DeckOutline? {
        var reader = OutlineBytes.Reader(bytes)
        guard reader.expect(factsMagic), let runCount = reader.number() else { return nil }
        var runs: [Run] = []
        var total = 0
        for _ in 0..<min(runCount, bytes.count) {
            guard let count = reader.number(), count > 0, let depth = reader.number() else { return nil }
            var path: [String] = []
            for _ in 0..<min(depth, bytes.count) {
                guard let title = reader.string() else { return nil }
                path.append(title)
            }
            guard path.count == depth else { return nil }
            runs.append(Run(path: path, factCount: count))
            total += count
        }
        guard runs.count == runCount, let factCount = reader.number(), factCount == total,
              factCount <= bytes.count else { return nil }
        var facts: [FactID] = []
        facts.reserveCapacity(factCount)
        switch reader.byte() {
        case 1:
            guard let all = reader.words(factCount) else { return nil }
            for bits in all { facts.append(FactID(bits: bits)) }
        case 0:
            for _ in 0..<factCount {
                guard let id = reader.factID() else { return nil }
                facts.append(id)
            }
        default:
            return nil
        }
        guard reader.isAtEnd else { return nil }
        return DeckOutline(title: title, runs: runs, facts: facts, textSource: .chunks([]))
    }

    /// The chunk of texts that holds the text at `position`.
    public static func chunk(ofPosition position: Int) -> Int { position / textsPerChunk }

    /// The texts at `positions` found in stored chunk `chunk` of an outline
    /// of `factCount` facts (other positions are skipped unread), or nil
    /// when the bytes are not that chunk.
    public static func texts(inChunk chunk: Int, encoded bytes: [UInt8], factCount: Int,
                             at positions: Set<Int>) -> [Int: String]? {
        let start = chunk * textsPerChunk
        let count = min(textsPerChunk, factCount - start)
        var reader = OutlineBytes.Reader(bytes)
        guard count > 0, reader.expect(textsMagic), reader.number() == count else { return nil }
        var found: [Int: String] = [:]
        for position in start..<start + count {
            if positions.contains(position) {
                guard let text = reader.string() else { return nil }
                found[position] = text
            } else {
                guard reader.skipString() else { return nil }
            }
        }
        return reader.isAtEnd ? found : nil
    }
}

/// The varints and strings of `DeckOutline`'s stored form.
private enum OutlineBytes {
    struct Writer {
        var bytes: [UInt8]

        init(magic: [UInt8]) { bytes = magic }

        mutating func number(_ value: Int) {
            var rest = UInt64(value)
            while rest >= 0x80 {
                bytes.append(UInt8(rest & 0x7F) | 0x80)
                rest >>= 7
            }
            bytes.append(UInt8(rest))
        }

        mutating func string(_ text: String) {
            number(text.utf8.count)
            bytes.append(contentsOf: text.utf8)
        }
    }

    /// Texts written into chunks of `DeckOutline.textsPerChunk` as they
    /// come, for `total` texts in all: each chunk the texts magic, its
    /// count, then each text's byte count and bytes.
    struct TextChunks {
        let total: Int
        private(set) var finished: [[UInt8]] = []
        private var current: Writer?
        private var written = 0

        init(total: Int) {
            self.total = total
            finished.reserveCapacity((total + DeckOutline.textsPerChunk - 1) / DeckOutline.textsPerChunk)
        }

        /// The chunks finished and not yet taken, oldest first, taken: one
        /// at a time when asked after each `append`.
        mutating func takeFinished() -> [UInt8]? {
            finished.isEmpty ? nil : finished.removeLast()
        }

        /// Appends the next text's UTF-8 bytes; the chunk is finished when full.
        mutating func append(_ utf8: UnsafeBufferPointer<UInt8>) {
            precondition(written < total, "more texts than the outline has facts")
            if current == nil {
                var writer = Writer(magic: DeckOutline.textsMagic)
                writer.number(min(DeckOutline.textsPerChunk, total - written))
                current = writer
            }
            current!.number(utf8.count)
            current!.bytes.append(contentsOf: utf8)
            written += 1
            if written % DeckOutline.textsPerChunk == 0 || written == total {
                finished.append(current!.bytes)
                current = nil
            }
        }
    }

    struct Reader {
        let bytes: [UInt8]
        var offset = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var isAtEnd: Bool { offset == bytes.count }

        mutating func expect(_ magic: [UInt8]) -> Bool {
            guard bytes.count >= magic.count, bytes[0..<magic.count].elementsEqual(magic) else { return false }
            offset = magic.count
            return true
        }

        /// A varint of at most 9 bytes (an `Int` that is not negative).
        mutating func number() -> Int? {
            var value: UInt64 = 0, shift: UInt64 = 0
            while offset < bytes.count, shift < 63 {
                let byte = bytes[offset]
                offset += 1
                value |= UInt64(byte & 0x7F) << shift
                if byte < 0x80 { return value <= UInt64(Int.max) ? Int(value) : nil }
                shift += 7
            }
            return nil
        }

        mutating func byte() -> UInt8? {
            guard offset < bytes.count else { return nil }
            offset += 1
            return bytes[offset - 1]
        }

        /// `count` little-endian 8-byte words, or nil when fewer are left.
        mutating func words(_ count: Int) -> [UInt64]? {
            guard count <= (bytes.count - offset) / 8 else { return nil }
            let start = offset
            offset += count * 8
            return bytes.withUnsafeBytes { raw in
                (0..<count).map { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: start + $0 * 8, as: UInt64.self)) }
            }
        }

        /// Steps over a string; false when it runs past the end.
        mutating func skipString() -> Bool {
            guard let count = number(), count <= bytes.count - offset else { return false }
            offset += count
            return true
        }

        /// A fact id: 16 hex digits read straight into a `FactID`, any
        /// other id as a string of valid UTF-8.
        mutating func factID() -> FactID? {
            guard let count = number(), count <= bytes.count - offset else { return nil }
            let id = bytes.withUnsafeBufferPointer { whole in
                FactID(utf8: UnsafeBufferPointer(rebasing: whole[offset..<offset + count]))
            }
            offset += count
            return id
        }

        /// A string of valid UTF-8.
        mutating func string() -> String? {
            guard let count = number(), count <= bytes.count - offset else { return nil }
            let text = bytes.withUnsafeBufferPointer { whole in
                String(validating: UnsafeBufferPointer(rebasing: whole[offset..<offset + count]), as: UTF8.self)
            }
            offset += count
            return text
        }
    }
}
