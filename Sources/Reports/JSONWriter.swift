/// Writes JSON with keys in the order given, so `check --json` prints the
/// documented shape in a stable order (Foundation's encoder sorts or
/// scrambles keys).
///
///     var json = JSONWriter()
///     json.object { json.field("title") { json.string("x") } }
///     json.text   // {"title":"x"}
public struct JSONWriter {
    public private(set) var text = ""
    private var needsComma = [false]

    public init() {}

    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        separate()
        text += "{"
        needsComma.append(false)
        body(&self)
        needsComma.removeLast()
        text += "}"
    }

    public mutating func array(_ body: (inout JSONWriter) -> Void) {
        separate()
        text += "["
        needsComma.append(false)
        body(&self)
        needsComma.removeLast()
        text += "]"
    }

    /// A key inside an object; `value` writes its value.
    public mutating func field(_ key: String, _ value: (inout JSONWriter) -> Void) {
        separate()
        text += Self.quoted(key) + ":"
        needsComma[needsComma.count - 1] = false
        value(&self)
    }

    public mutating func string(_ value: String) {
        separate()
        text += Self.quoted(value)
    }

    public mutating func stringOrNull(_ value: String?) {
        if let value { string(value) } else { separate(); text += "null" }
    }

    public mutating func number(_ value: Int) {
        separate()
        text += String(value)
    }

    /// A fraction, rounded to 4 decimals; null when absent or not finite.
    public mutating func decimal(_ value: Double?) {
        separate()
        guard let value, value.isFinite else { text += "null"; return }
        let scaled = (value * 10_000).rounded()
        let whole = Int(scaled) / 10_000
        let fraction = abs(Int(scaled) % 10_000)
        let digits = String(fraction)
        text += (scaled < 0 && whole == 0 ? "-" : "") + "\(whole).\(String(repeating: "0", count: 4 - digits.count))\(digits)"
    }

    public mutating func bool(_ value: Bool) {
        separate()
        text += value ? "true" : "false"
    }

    private mutating func separate() {
        if needsComma[needsComma.count - 1] { text += "," }
        needsComma[needsComma.count - 1] = true
    }

    /// `value` as a JSON string literal, with quotes, backslashes and control
    /// characters escaped. DEL, the C1 controls and the bidi overrides are
    /// escaped too (JSON allows them raw): the text is the same to a parser,
    /// and a file name holding them cannot drive the terminal `check --json`
    /// prints to.
    public static func quoted(_ value: String) -> String {
        // Most text needs no escape: printable ASCII, or other UTF-8 with no
        // C1 control (C2 80–9F) or bidi control (E2 80 AA–AE, E2 81 A6–A9),
        // which only start with C2 or E2. Copied whole, not scalar by scalar.
        if value.utf8.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C) || ($0 >= 0x80 && $0 != 0xC2 && $0 != 0xE2) }) {
            return "\"" + value + "\""
        }
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
                || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value):
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
