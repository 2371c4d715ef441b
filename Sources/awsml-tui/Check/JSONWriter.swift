/// Writes JSON with keys in the order given, so `check --json` prints the
/// documented shape in a stable order (Foundation's encoder sorts or
/// scrambles keys).
///
///     var json = JSONWriter()
///     json.object { json.field("title") { json.string("x") } }
///     json.text   // {"title":"x"}
struct JSONWriter {
    private(set) var text = ""
    private var needsComma = [false]

    mutating func object(_ body: (inout JSONWriter) -> Void) {
        separate()
        text += "{"
        needsComma.append(false)
        body(&self)
        needsComma.removeLast()
        text += "}"
    }

    mutating func array(_ body: (inout JSONWriter) -> Void) {
        separate()
        text += "["
        needsComma.append(false)
        body(&self)
        needsComma.removeLast()
        text += "]"
    }

    /// A key inside an object; `value` writes its value.
    mutating func field(_ key: String, _ value: (inout JSONWriter) -> Void) {
        separate()
        text += Self.quoted(key) + ":"
        needsComma[needsComma.count - 1] = false
        value(&self)
    }

    mutating func string(_ value: String) {
        separate()
        text += Self.quoted(value)
    }

    mutating func stringOrNull(_ value: String?) {
        if let value { string(value) } else { separate(); text += "null" }
    }

    mutating func number(_ value: Int) {
        separate()
        text += String(value)
    }

    private mutating func separate() {
        if needsComma[needsComma.count - 1] { text += "," }
        needsComma[needsComma.count - 1] = true
    }

    /// `value` as a JSON string literal, with quotes, backslashes and control
    /// characters escaped.
    static func quoted(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
