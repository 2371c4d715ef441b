/// Judges a typed answer: case-insensitive, spacing and punctuation ignored
/// ("IO" for "I/O", "email" for "e-mail", "autoscaling" for "Auto Scaling")
/// except within numbers, with a small typo allowance (none for numbers or
/// short words, one edit up to 7 letters, two beyond), a vendor's name in
/// front optional ("ActiveMQ" for "Apache ActiveMQ"), and a character diff
/// for the feedback.
///
///     TypedAnswer.judge("sagemakr", against: "SageMaker").isAccepted   // true
///     TypedAnswer.judge("IO", against: "I/O").isAccepted               // true
///     TypedAnswer.judge("15", against: "1.5").isAccepted               // false
public struct TypedAnswer: Hashable, Sendable {
    /// One piece of the diff of what was typed against the answer.
    public enum Piece: Hashable, Sendable {
        case same(String)
        /// In the answer, not typed.
        case missing(String)
        /// Typed, not in the answer.
        case extra(String)
    }

    public var isAccepted: Bool
    public var isExact: Bool
    public var diff: [Piece]

    public static func judge(_ typed: String, against answer: String) -> TypedAnswer {
        // "ActiveMQ" names "Apache ActiveMQ" as well: a vendor's name in front may be left out.
        let words = answer.split(separator: " ")
        if words.count >= 2, vendors.contains(words[0].lowercased()) {
            let bare = words.dropFirst().joined(separator: " ")
            let short = judge(typed, againstExactly: bare)
            if short.isAccepted {
                return TypedAnswer(isAccepted: true, isExact: false, diff: diff(Array(typed.trimmedSpaces()), Array(answer)))
            }
        }
        return judge(typed, againstExactly: answer)
    }

    /// Names that go before a product's own name and may be left out.
    static let vendors: Set<String> = ["amazon", "aws", "apache", "google", "microsoft", "azure", "oracle", "ibm"]

    private static func judge(_ typed: String, againstExactly answer: String) -> TypedAnswer {
        let given = normalise(typed)
        let expected = normalise(answer)
        let distance = editDistance(Array(given), Array(expected))
        let allowance = expected.contains(where: \.isNumber) || expected.count <= 3 ? 0 : expected.count <= 7 ? 1 : 2
        return TypedAnswer(isAccepted: !given.isEmpty && distance <= allowance, isExact: distance == 0,
                           diff: diff(Array(typed.trimmedSpaces()), Array(answer)))
    }

    /// Lowercased, without spacing and separating punctuation, which say
    /// nothing about knowing the term: "I/O", "i o" and "IO" are one answer,
    /// as a typo is. Between two digits they stay ("1.5" is not "15", "1 5"
    /// not "15"), as one space, so numbers are still compared exactly.
    /// Symbols that change the name stay everywhere ("C++", "C#", "75%").
    static func normalise(_ text: String) -> String {
        let characters = Array(text.lowercased())
        func isSeparator(_ character: Character) -> Bool {
            character.isWhitespace || ignoredPunctuation.contains(character)
        }
        var result = ""
        var index = 0
        while index < characters.count {
            guard isSeparator(characters[index]) else {
                result.append(characters[index])
                index += 1
                continue
            }
            let run = characters[index...].prefix(while: isSeparator)
            index += run.count
            if result.last?.isNumber == true, index < characters.count, characters[index].isNumber {
                let marks = run.filter { !$0.isWhitespace }
                result += marks.isEmpty ? " " : String(marks)
            }
        }
        return result
    }

    /// Punctuation that separates or decorates words: hyphens and dashes,
    /// slashes, dots, commas, colons, quotes, brackets, underscores.
    static let ignoredPunctuation: Set<Character> = [
        "-", "‐", "‑", "–", "—", "/", "\\", ".", ",", ";", ":", "!", "?", "'", "\"", "’", "‘", "“", "”",
        "(", ")", "[", "]", "{", "}", "_", "·", "…",
    ]

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// A case-insensitive longest-common-subsequence diff, merged into runs.
    static func diff(_ typed: [Character], _ answer: [Character]) -> [Piece] {
        let a = typed.map { Character($0.lowercased()) }, b = answer.map { Character($0.lowercased()) }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var pieces: [Piece] = []
        func add(_ piece: Piece) {
            switch (pieces.last, piece) {
            case (.same(let x)?, .same(let y)): pieces[pieces.count - 1] = .same(x + y)
            case (.missing(let x)?, .missing(let y)): pieces[pieces.count - 1] = .missing(x + y)
            case (.extra(let x)?, .extra(let y)): pieces[pieces.count - 1] = .extra(x + y)
            default: pieces.append(piece)
            }
        }
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                add(.same(String(answer[j]))); i += 1; j += 1
            } else if j < b.count, i == a.count || table[i][j + 1] >= table[i + 1][j] {
                add(.missing(String(answer[j]))); j += 1
            } else {
                add(.extra(String(typed[i]))); i += 1
            }
        }
        return pieces
    }
}

extension String {
    func trimmedSpaces() -> String {
        var characters = Substring(self)
        while characters.first?.isWhitespace == true { characters = characters.dropFirst() }
        while characters.last?.isWhitespace == true { characters = characters.dropLast() }
        return String(characters)
    }
}
