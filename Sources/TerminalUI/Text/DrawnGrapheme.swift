/// What the screen draws for one grapheme: a form whose width ncurses, every
/// terminal and `TextWidth` agree on.
///
/// Terminals measure some clusters each in their own way. tmux 3.3a draws a
/// ZWJ sequence in two columns but ncurses, reading `wcwidth` scalar by
/// scalar, keeps only `👩 + ZWJ` of a family and then tmux joins the next
/// letter onto it; VS16 makes `⬆️` two columns in some terminals and one in
/// others; a flag is two, three or four; `wcwidth` gives a zero width space
/// no column, so ncurses puts it on the cell before and the cell we meant to
/// fill keeps what it showed. Each disagreement pushes the rest of the line,
/// borders included, out of its columns. So those clusters are drawn in a
/// form with one agreed width:
///
/// - a joined sequence as its first picture: `👩‍💻` → `👩`, `❤️‍🔥` → `❤`;
/// - variation selectors and skin tone modifiers dropped: `⬆️` → `⬆` (one
///   column, as text), `☕︎` → `☕` (two), `👍🏽` → `👍`;
/// - a keycap as its key: `1️⃣` → `1`; a tag sequence as its flag: `🏴`;
/// - a flag as its two letters, one narrow cell each: `🇯🇵` → `JP`;
/// - combining marks kept on their base (`é` as e + U+0301), and a lone one
///   on a dotted circle: `◌́`;
/// - invisible characters (zero width space, joiner, word joiner, soft
///   hyphen, byte order mark, a lone selector or tag) as nothing: no column.
///
/// Everything else is one cell of its first scalar's width with the marks
/// after it, as before. `TextWidth` measures this form, so wrapping and
/// drawing cannot disagree with it.
///
///     DrawnGrapheme("👩‍💻").width    // 2, drawn as 👩
///     DrawnGrapheme("🇯🇵").content  // "JP", two cells
struct DrawnGrapheme {
    /// Columns it takes: 0 (nothing is drawn), 1 or 2.
    let width: Int
    /// The scalar values drawn, zero after the last.
    let scalars: (UInt32, UInt32, UInt32, UInt32)
    /// Each scalar is a narrow cell of its own (a flag's letters), rather
    /// than all of them one cell.
    let isSpelledOut: Bool

    init(_ character: Character) {
        var values: (UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0)
        var count = 0
        func append(_ value: UInt32) {
            switch count {
            case 0: values.0 = value
            case 1: values.1 = value
            case 2: values.2 = value
            default: values.3 = value
            }
            count += 1
        }
        var remaining = character.unicodeScalars.makeIterator()
        // A grapheme can start with scalars that draw nothing (a prepended
        // format character, a lone selector): the base is the first that
        // does. Only scalars of no width need a closer look (`TextWidth`
        // answers most without a property lookup).
        var found: (scalar: Unicode.Scalar, width: Int)?
        while let scalar = remaining.next() {
            let width = TextWidth.of(scalar)
            if width == 0 && Self.isInvisible(scalar) { continue }
            found = (scalar, width)
            break
        }
        guard let (base, baseWidth) = found else {
            self.init(width: 0, scalars: values, isSpelledOut: false)
            return
        }
        if Self.isRegionalIndicator(base) {
            append(base.value - 0x1F1E6 + 0x41) // 🇦 → A
            while count < Cell.scalarCapacity, let next = remaining.next(), Self.isRegionalIndicator(next) {
                append(next.value - 0x1F1E6 + 0x41)
            }
            self.init(width: count, scalars: values, isSpelledOut: true)
            return
        }
        if baseWidth == 0 {
            append(0x25CC) // a combining mark on its own: ◌ for it to sit on
        }
        append(base.value)
        // The marks on the base. A selector is skipped; anything else (a
        // joiner and the picture after it, a skin tone, a keycap, a tag)
        // ends it.
        while count < Cell.scalarCapacity, let next = remaining.next(), TextWidth.of(next) == 0 {
            if Self.isVariationSelector(next) { continue }
            if Self.isInvisible(next) { break }
            append(next.value)
        }
        let width = max(1, baseWidth)
        self.init(width: width, scalars: values, isSpelledOut: false)
    }

    private init(width: Int, scalars: (UInt32, UInt32, UInt32, UInt32), isSpelledOut: Bool) {
        self.width = width
        self.scalars = scalars
        self.isSpelledOut = isSpelledOut
    }

    /// The scalars drawn, as text: what tests read.
    var content: String {
        var text = String.UnicodeScalarView()
        for value in [scalars.0, scalars.1, scalars.2, scalars.3] {
            guard value != 0, let scalar = Unicode.Scalar(value) else { break }
            text.append(scalar)
        }
        return String(text)
    }

    /// Of the scalars of no width (`TextWidth.of` 0), those that draw
    /// nothing: format characters (zero width space and joiners, soft
    /// hyphen, word joiner, byte order mark, tags), variation selectors, and
    /// the keycap mark, which terminals read as emoji presentation, each in
    /// its own way. The others are combining marks (nonspacing and enclosing
    /// marks, Hangul medial vowels and final consonants), which every
    /// terminal and ncurses put on the cell before them at no width.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0xAD { return false }
        if value == 0x20E3 || isVariationSelector(scalar) { return true }
        return scalar.properties.generalCategory == .format
    }

    static func isVariationSelector(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (0xFE00...0xFE0F).contains(value) || (0xE0100...0xE01EF).contains(value) || (0x180B...0x180D).contains(value)
            || value == 0x180F
    }

    static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
        (0x1F1E6...0x1F1FF).contains(scalar.value)
    }
}
