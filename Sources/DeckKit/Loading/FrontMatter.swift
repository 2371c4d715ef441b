/// The optional block between two `---` lines at the very top of a post.
///
/// Both spellings are read:
///
///     ---                                  ---
///     title: "My notes"                    title  "AWS Machine Learning …"
///     tags:                                tags
///     - aws                                - other
///     ---                                  ---
///
/// (the bundled post lost its colons). A key with no value followed by
/// `- item` lines is a list; `[a, b]` is a list too; quotes are stripped.
struct FrontMatter {
    var entries: [FrontMatterEntry] = []
    /// How many lines of the file the block takes, closing `---` included.
    var lineCount = 0

    func value(_ key: String) -> String? {
        entries.first { $0.key == key }?.values.first
    }

    func values(_ key: String) -> [String] {
        entries.first { $0.key == key }?.values ?? []
    }

    /// Reads the front matter at the top of `utf8`, if there is one. The
    /// body starts at `bodyOffset` (a UTF-8 offset); the parser is fed
    /// `lineCount` empty lines first, so cmark's line numbers are the file's.
    static func parse<Bytes: BidirectionalCollection<UInt8>>(_ utf8: Bytes) -> (frontMatter: FrontMatter?, bodyOffset: Int) {
        guard utf8.starts(with: "---".utf8) else { return (nil, 0) }
        var frontMatter = FrontMatter()
        var lineStart = utf8.startIndex
        var number = 0
        // Walk line by line until the closing line, never splitting the whole file.
        while lineStart < utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: 0x0A) ?? utf8.endIndex
            number += 1
            let line = Substring(String(decoding: utf8[lineStart..<lineEnd], as: UTF8.self)).trimmingTrailingSpaces()
            let next = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
            if number == 1 {
                guard line == "---" else { return (nil, 0) }
            } else if line == "---" || line == "..." {
                frontMatter.lineCount = number
                return (frontMatter, utf8.distance(from: utf8.startIndex, to: next))
            } else {
                frontMatter.read(line: line, number: number)
            }
            lineStart = next
        }
        return (nil, 0) // never closed: not front matter (cmark sees a thematic break)
    }

    private mutating func read(line: Substring, number: Int) {
        let content = line.drop(while: { $0 == " " || $0 == "\t" })
        if content.isEmpty || content.hasPrefix("#") { return }
        if content.hasPrefix("- ") || content == "-" {
            guard !entries.isEmpty else { return }
            let item = Self.unquote(content.dropFirst(1))
            if !item.isEmpty { entries[entries.count - 1].values.append(item) }
            return
        }
        let key = content.prefix(while: { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" })
        guard !key.isEmpty else { return }
        var rest = content.dropFirst(key.count)
        if rest.first == ":" {
            rest = rest.dropFirst()
        } else if let first = rest.first, first != " " && first != "\t" {
            return // not a key line
        }
        let value = rest.drop(while: { $0 == " " || $0 == "\t" })
        var values: [String] = []
        if value.hasPrefix("[") && value.hasSuffix("]") {
            values = value.dropFirst().dropLast().split(separator: ",").map(Self.unquote).filter { !$0.isEmpty }
        } else {
            let single = Self.unquote(value)
            if !single.isEmpty { values = [single] }
        }
        entries.append(FrontMatterEntry(key: String(key).lowercased(), values: values, line: number))
    }

    static func unquote(_ raw: Substring) -> String {
        var value = raw.drop(while: { $0 == " " || $0 == "\t" }).trimmingTrailingSpaces()
        if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
            value = value.dropFirst().dropLast()
        }
        return TextSanitizer.clean(String(value))
    }

    /// The first `YYYY-MM-DD` of a date value: `2023-07-08 161035 +0100` ->
    /// `2023-07-08`; nil unless it is a day of the calendar (`2024-13-45`,
    /// `2023-02-29` are not).
    static func calendarDate(_ value: String) -> String? {
        let scalars = Array(value.unicodeScalars.prefix(10))
        guard scalars.count == 10 else { return nil }
        var digits: [Int] = []
        for (index, scalar) in scalars.enumerated() {
            if index == 4 || index == 7 {
                guard scalar == "-" else { return nil }
            } else {
                guard ("0"..."9").contains(scalar) else { return nil }
                digits.append(Int(scalar.value) - 48)
            }
        }
        let year = digits[0...3].reduce(0) { $0 * 10 + $1 }
        let month = digits[4] * 10 + digits[5], day = digits[6] * 10 + digits[7]
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        return String(String.UnicodeScalarView(scalars))
    }

    /// The `date` value and the warning for it: a value that is not a
    /// calendar day gives no date, and a warning on its line, rather than a
    /// date that exports as `2024-13-45`.
    func date() -> (date: String?, warning: LoadWarning?) {
        guard let entry = entries.first(where: { $0.key == "date" }), let value = entry.values.first else {
            return (nil, nil)
        }
        if let date = Self.calendarDate(value) { return (date, nil) }
        return (nil, LoadWarning(line: entry.line,
                                 message: "date \"\(value)\" is not a day of the calendar (YYYY-MM-DD): the post has no date"))
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

extension Substring {
    func trimmingTrailingSpaces() -> Substring {
        var result = self
        while let last = result.last, last == " " || last == "\t" || last == "\r" { result = result.dropLast() }
        return result
    }
}
