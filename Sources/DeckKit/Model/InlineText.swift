/// Text with the inline styles Markdown gave it, kept as runs of plain text.
///
/// A fact like `**Recall** is TP / (TP + FN)` becomes two spans: "Recall" in
/// bold, then " is TP / (TP + FN)" plain. Views style each span; questions and
/// ids use `plainText`.
public struct InlineText: Hashable, Sendable {
    public var spans: [InlineSpan]

    public init(_ spans: [InlineSpan] = []) {
        self.spans = spans
    }

    /// Unstyled text, e.g. `InlineText(plain: "Amazon EMR")`.
    public init(plain: String) {
        self.spans = plain.isEmpty ? [] : [InlineSpan(plain)]
    }

    /// The text without any markup.
    public var plainText: String {
        spans.reduce(into: "") { $0 += $1.text }
    }

    public var isEmpty: Bool { spans.allSatisfy { $0.text.isEmpty } }

    /// Appends a span, merging it into the last one when the styles agree.
    public mutating func append(_ span: InlineSpan) {
        guard !span.text.isEmpty else { return }
        if var last = spans.last, last.style == span.style, last.link == span.link {
            last.text += span.text
            spans[spans.count - 1] = last
        } else {
            spans.append(span)
        }
    }

    /// The same text with leading and trailing white space removed.
    public func trimmed() -> InlineText {
        var copy = self
        while let first = copy.spans.first {
            let text = first.text.drop(while: { $0.isWhitespace })
            if text.isEmpty { copy.spans.removeFirst(); continue }
            copy.spans[0].text = String(text)
            break
        }
        while let last = copy.spans.last {
            var text = Substring(last.text)
            while let character = text.last, character.isWhitespace { text = text.dropLast() }
            if text.isEmpty { copy.spans.removeLast(); continue }
            copy.spans[copy.spans.count - 1].text = String(text)
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
