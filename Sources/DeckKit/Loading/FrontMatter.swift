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
    static func parse(_ utf8: String.UTF8View) -> (frontMatter: FrontMatter?, bodyOffset: Int) {
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

    /// The first `YYYY-MM-DD` of a date value: `2023-07-08 161035 +0100` -> `2023-07-08`.
    static func calendarDate(_ value: String) -> String? {
        let scalars = Array(value.unicodeScalars.prefix(10))
        guard scalars.count == 10 else { return nil }
        for (index, scalar) in scalars.enumerated() {
            let isDigit = ("0"..."9").contains(scalar)
            if index == 4 || index == 7 { guard scalar == "-" else { return nil } } else if !isDigit { return nil }
        }
        return String(String.UnicodeScalarView(scalars))
    }
}

extension Substring {
    func trimmingTrailingSpaces() -> Substring {
        var result = self
        while let last = result.last, last == " " || last == "\t" || last == "\r" { result = result.dropLast() }
        return result
    }
}
