/// How a cell looks: attributes and colours. Meaning is never carried by
/// colour alone (selection is reverse video), so a monochrome terminal loses
/// nothing but colour.
public struct CellStyle: Hashable, Sendable {
    public var attributes: TextAttributes
    public var foreground: TerminalColor
    public var background: TerminalColor

    public init(attributes: TextAttributes = [], foreground: TerminalColor = .default,
                background: TerminalColor = .default) {
        self.attributes = attributes
        self.foreground = foreground
        self.background = background
    }

    public static let plain = CellStyle()

    /// The same style with `attributes` added.
    public func adding(_ attributes: TextAttributes) -> CellStyle {
        var copy = self
        copy.attributes.formUnion(attributes)
        return copy
    }
}

/// Text attributes a terminal can show.
public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let dim = TextAttributes(rawValue: 1 << 1)
    public static let italic = TextAttributes(rawValue: 1 << 2)
    public static let underline = TextAttributes(rawValue: 1 << 3)
    public static let reverse = TextAttributes(rawValue: 1 << 4)
}

/// The eight basic terminal colours, or the terminal's own default.
public enum TerminalColor: UInt8, Hashable, Sendable, CaseIterable {
    case `default`, black, red, green, yellow, blue, magenta, cyan, white
}
