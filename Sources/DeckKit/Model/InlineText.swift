/// Text with the inline styles Markdown gave it, kept as runs of plain text.
///
/// A fact like `**Recall** is TP / (TP + FN)` becomes two spans: "Recall" in
/// bold, then " is TP / (TP + FN)" plain. Views style each span; questions and
/// ids use `plainText`.
///
/// The spans are kept encoded in one byte array (`InlineTextEncoding`), not
/// as an array of spans each holding its own strings: a deck holds one of
/// these per fact, title and note, and on a 100,000-fact post the array of
/// spans and its strings were three heap objects and about 400 bytes a fact,
/// four times the fact's Markdown. `spans` decodes them (what views and
/// exports read, a few texts at a time); `plainText` is one copy of
/// contiguous bytes.
public struct InlineText: Hashable, Sendable {
    /// The spans as `InlineTextEncoding` writes them. Equal spans give
    /// equal bytes (the encoding has one form for each), so equality and
    /// hashing are the bytes'.
    private var encoded: [UInt8]

    public init(_ spans: [InlineSpan] = []) {
        encoded = InlineTextEncoding.encode(spans)
    }

    /// Unstyled text, e.g. `InlineText(plain: "Amazon EMR")`.
    public init(plain: String) {
        self.init(plain.isEmpty ? [] : [InlineSpan(plain)])
    }

    /// The runs of text, decoded (each call makes them anew).
    public var spans: [InlineSpan] {
        get { InlineTextEncoding.decode(encoded) }
        set { encoded = InlineTextEncoding.encode(newValue) }
    }

    /// The text without any markup.
    public var plainText: String {
        InlineTextEncoding.withPlainBytes(of: encoded) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with `plainText`'s UTF-8 bytes, in place: for copying
    /// them somewhere (`DeckOutline`'s stored texts) without a `String`.
    public func withPlainUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        InlineTextEncoding.withPlainBytes(of: encoded, body)
    }

    /// The length of `plainText` in UTF-8 bytes, without making it.
    public var plainUTF8Count: Int {
        InlineTextEncoding.withPlainBytes(of: encoded) { $0.count }
    }

    public var isEmpty: Bool { plainUTF8Count == 0 }

    /// Whether any span has any of `styles`, read without decoding the
    /// spans: question making asks this of every fact it weighs (is there a
    /// link, a bold or code term?) and decodes only the texts that have one.
    public func containsSpan(styledAny styles: InlineStyle) -> Bool {
        InlineTextEncoding.containsSpan(of: encoded, styledAny: styles)
    }

    /// Calls `body` with the text of each span that has any of `styles`, in
    /// order, read in place: the glossary of bold and code terms reads these
    /// of every fact of a deck, and decoding every span of 100,000 facts (a
    /// string each) took 48 ms where this takes a fraction.
    public func forEachSpanText(styledAny styles: InlineStyle, _ body: (String) -> Void) {
        InlineTextEncoding.forEachSpan(of: encoded, styledAny: styles) { body(String(decoding: $0, as: UTF8.self)) }
    }

    /// `forEachSpanText` without even the string: each span's UTF-8 bytes,
    /// valid only inside `body`. The glossary sees the same few bold terms
    /// thousands of times and makes a string only of a text it has not seen.
    public func forEachSpanUTF8(styledAny styles: InlineStyle, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        InlineTextEncoding.forEachSpan(of: encoded, styledAny: styles, body)
    }

    /// Appends a span, merging it into the last one when the styles agree.
    /// Each call encodes the text again: to build a text of many spans, make
    /// the spans first (`InlineText.append(_:to:)`) and the text once.
    public mutating func append(_ span: InlineSpan) {
        var spans = self.spans
        Self.append(span, to: &spans)
        self.spans = spans
    }

    /// Appends `span` to `spans`, merging it into the last one when the
    /// styles and links agree; an empty span is dropped.
    public static func append(_ span: InlineSpan, to spans: inout [InlineSpan]) {
        guard !span.text.isEmpty else { return }
        if let last = spans.last, last.style == span.style, last.link == span.link {
            spans[spans.count - 1].text += span.text
        } else {
            spans.append(span)
        }
    }

    /// The same text with leading and trailing white space removed.
    public func trimmed() -> InlineText {
        InlineText(Self.trimmed(spans))
    }

    /// `spans` with leading and trailing white space removed (and the spans
    /// left empty by it).
    public static func trimmed(_ spans: [InlineSpan]) -> [InlineSpan] {
        var copy = spans
        while let first = copy.first {
            let text = first.text.drop(while: { $0.isWhitespace })
            if text.isEmpty { copy.removeFirst(); continue }
            if text.count != first.text.count { copy[0].text = String(text) }
            break
        }
        while let last = copy.last {
            var text = Substring(last.text)
            while let character = text.last, character.isWhitespace { text = text.dropLast() }
            if text.isEmpty { copy.removeLast(); continue }
            if text.endIndex != last.text.endIndex { copy[copy.count - 1].text = String(text) }
            break
        }
        return copy
    }
}

/// One run of text in a single style.
public struct InlineSpan: Hashable, Sendable {
    public var text: String
    public var style: InlineStyle
    /// The target of a link, when `style` contains `.link`.
    public var link: String?

    public init(_ text: String, style: InlineStyle = [], link: String? = nil) {
        self.text = text
        self.style = style
        self.link = link
    }
}

/// The inline styles Markdown can give a run of text.
public struct InlineStyle: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = InlineStyle(rawValue: 1 << 0)
    public static let italic = InlineStyle(rawValue: 1 << 1)
    public static let code = InlineStyle(rawValue: 1 << 2)
    public static let link = InlineStyle(rawValue: 1 << 3)
    public static let strikethrough = InlineStyle(rawValue: 1 << 4)
    /// Alt text of an image, shown in place of the picture.
    public static let image = InlineStyle(rawValue: 1 << 5)
}
