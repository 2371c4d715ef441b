import CCmarkGFM
import SafeText

/// Loads Markdown posts into decks.
///
///     let deck = try DeckLoader.load(path: "notes.md")
///     let bundled = DeckLoader.bundled()
///
/// Every failure is a `DeckLoadError` naming the file (and line), thrown before
/// anything else happens, so the caller can print it and exit 2 before the
/// screen is taken.
public enum DeckLoader {
    /// Reads and parses the post at `path`.
    public static func load(path: String) throws(DeckLoadError) -> Deck {
        try load(path: Array(path.utf8), file: path)
    }

    /// Reads and parses the post at `path`, given as the bytes the system
    /// names it by, which need not be UTF-8 (`caf\xe9.md`); `file` names it
    /// in the deck and in errors (`caf�.md`).
    /// - Parameter progress: told the bytes parsed so far and the post's
    ///   size after each piece of a large post (and once more when its facts
    ///   are being numbered), so a command can show a progress line.
    public static func load(path: [UInt8], file: String,
                            progress: ((_ parsed: Int, _ total: Int) -> Void)? = nil) throws(DeckLoadError) -> Deck {
        var bytes = try SourceText.read(path: path, file: file)
        return try load(consuming: &bytes, file: file, progress: progress)
    }

    /// The bytes of the post at `path` after the checks made before any
    /// parse (a regular file, not too large), for a caller that fingerprints
    /// them (`PostFingerprint`) before it parses them with `load(bytes:file:)`.
    public static func read(path: [UInt8], file: String) throws(DeckLoadError) -> [UInt8] {
        try SourceText.read(path: path, file: file)
    }

    /// Parses a post already in memory; `file` names it in the deck and in errors.
    public static func load(bytes: [UInt8], file: String, cutting: PostCutting = .standard,
                            progress: ((_ parsed: Int, _ total: Int) -> Void)? = nil) throws(DeckLoadError) -> Deck {
        let start = try SourceText.check(bytes, file: file)
        var result: Result<Deck, DeckLoadError>!
        bytes.withUnsafeBufferPointer { whole in
            result = Result { () throws(DeckLoadError) in
                try load(utf8: UnsafeBufferPointer(rebasing: whole[start...]), file: file, cutting: cutting, progress: progress)
            }
        }
        return try result.get()
    }

    /// Parses a post read by `read(path:file:)` and spends its bytes: the
    /// pages of each piece of a large post are given back to the system
    /// once parsed (`ParsedPages`), so the whole post is not held beside
    /// the deck to the end. `bytes` is empty afterwards, whatever the
    /// outcome. Another holder of the same array is never affected: the
    /// bytes are made unique first (copied if they are shared; callers pass
    /// their only copy).
    public static func load(consuming bytes: inout [UInt8], file: String, cutting: PostCutting = .standard,
                            progress: ((_ parsed: Int, _ total: Int) -> Void)? = nil) throws(DeckLoadError) -> Deck {
        defer { bytes = [] }
        let start = try SourceText.check(bytes, file: file)
        var result: Result<Deck, DeckLoadError>!
        bytes.withUnsafeMutableBufferPointer { whole in
            let text = UnsafeBufferPointer(rebasing: UnsafeBufferPointer(whole)[start...])
            var pages = ParsedPages(text)
            result = Result { () throws(DeckLoadError) in
                try load(utf8: text, file: file, cutting: cutting, progress: progress,
                         parsedUpTo: { pages.drop(before: $0) })
            }
        }
        return try result.get()
    }

    /// Parses a post's text; `file` names it in the deck and in errors.
    /// `cutting` says when a large post is parsed in pieces; any choice gives
    /// the same deck.
    public static func load(text: String, file: String, cutting: PostCutting = .standard,
                            progress: ((_ parsed: Int, _ total: Int) -> Void)? = nil) throws(DeckLoadError) -> Deck {
        var text = text
        var result: Result<Deck, DeckLoadError>!
        text.withUTF8 { bytes in
            result = Result { () throws(DeckLoadError) in
                try load(utf8: bytes, file: file, cutting: cutting, progress: progress)
            }
        }
        return try result.get()
    }

    /// Parses a post's UTF-8 bytes (checked: valid UTF-8, no byte-order mark).
    /// - Parameter parsedUpTo: told, after each piece of a large post, the
    ///   offset in `bytes` before which nothing is read again.
    private static func load(utf8 bytes: UnsafeBufferPointer<UInt8>, file: String, cutting: PostCutting,
                             progress: ((_ parsed: Int, _ total: Int) -> Void)?,
                             parsedUpTo: ((Int) -> Void)? = nil) throws(DeckLoadError) -> Deck {
        var bodyOffset = 0
        var frontMatter: FrontMatter?
        if bytes.starts(with: "---".utf8) {
            (frontMatter, bodyOffset) = FrontMatter.parse(bytes)
        }
        if bytes[bodyOffset...].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }),
           frontMatter == nil {
            throw DeckLoadError(file: file, reason: .empty)
        }

        let frontMatterTitle = frontMatter?.value("title").flatMap { $0.isEmpty ? nil : $0 }
        var title = frontMatterTitle ?? fileTitle(file)
        var builder = MarkdownDeckBuilder(deckTitle: title)
        let parsed: Bool = {
            let body = UnsafeBufferPointer(rebasing: bytes[bodyOffset...])
            let blankLines = frontMatter?.lineCount ?? 0
            let pieces = body.count >= cutting.threshold
                ? PostChunker.pieces(of: body, firstLine: blankLines + 1, targetSize: cutting.pieceSize)
                : [PostChunker.Piece(range: 0..<body.count, firstLine: blankLines + 1)]
            guard pieces.count > 1 else {
                // A small post (or one that cannot be cut): one parse, no thread.
                guard let document = MarkdownDeckBuilder.parse(body, blankLines: blankLines) else { return false }
                builder.add(document: document)
                // Free cmark's tree before the deck is frozen: the two never need to be in memory together.
                cmark_node_free(document)
                return true
            }
            var parsed = true
            PipelinedParse.run(body, pieces: pieces, blankLines: blankLines) { document, piece in
                guard let document else {
                    parsed = false
                    return
                }
                builder.add(document: document, lineOffset: piece.range.lowerBound == 0 ? 0 : piece.firstLine - 1)
                progress?(piece.range.upperBound, body.count)
                parsedUpTo?(bodyOffset + piece.range.upperBound)
            }
            return parsed
        }()
        guard parsed else { throw DeckLoadError(file: file, reason: .unreadable("the Markdown parser could not start")) }
        var (root, bodyWarnings) = builder.finish()
        guard root.totalFactCount > 0 else { throw DeckLoadError(file: file, reason: .noFacts) }
        // No title in the front matter: the first level-1 heading names the
        // post ("Cloud Integration", not "aws-ccp-cloud-integration-notes").
        if frontMatterTitle == nil, let heading = root.children.first(where: { $0.kind == .heading(level: 1) }),
           !heading.title.plainText.trimmingCharacters(in: " ").isEmpty {
            title = heading.title.plainText
            root.title = heading.title
        }
        let (date, dateWarning) = frontMatter?.date() ?? (nil, nil)
        let warnings = (dateWarning.map { [$0] } ?? []) + bodyWarnings

        return Deck(
            title: title,
            date: date,
            tags: tags(in: frontMatter),
            file: file,
            frontMatter: frontMatter?.entries ?? [],
            root: root,
            warnings: warnings)
    }

    /// The post compiled into the binary ("AWS Machine Learning Specialty Bite
    /// Size Recap 2/3"). It is tested to load, so this never fails.
    public static func bundled() -> Deck {
        do {
            return try load(text: BundledPostSource.text, file: BundledPostSource.fileName)
        } catch {
            preconditionFailure("the bundled post does not load: \(error)")
        }
    }

    /// The bundled post's Markdown, as `awsml-tui` ships it.
    public static var bundledText: String { BundledPostSource.text }

    /// "notes/aws-recap.md" -> "aws-recap". Controls in the name (ESC, a
    /// line break) become U+FFFD, as the terminal shows them: a title is
    /// shown everywhere, and a front matter title is cleaned too.
    static func fileTitle(_ path: String) -> String {
        let name = TerminalSafe.line(path.split(separator: "/").last.map(String.init) ?? path)
        for suffix in [".markdown", ".md"] where name.lowercased().hasSuffix(suffix) && name.count > suffix.count {
            return String(name.dropLast(suffix.count))
        }
        return name
    }

    private static func tags(in frontMatter: FrontMatter?) -> [String] {
        guard let frontMatter else { return [] }
        let values = frontMatter.values("tags")
        if values.count == 1 {
            // `tags: aws ml` and `tags: aws, ml` are lists too.
            return values[0].split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        }
        return values
    }
}
