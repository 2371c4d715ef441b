/// Breaks styled text into lines of at most a given width, at spaces where it
/// can and inside a word only when the word alone is wider than a line.
///
///     TextWrapper.wrap([StyledRun("Reduces inference costs by up to 75%.")], width: 16)
///     // "Reduces", "inference costs" … as three lines of runs
///
/// Styles are kept across breaks; the spaces at a break are dropped.
public enum TextWrapper {
    public static func wrap(_ runs: [StyledRun], width: Int) -> [StyledLine] {
        guard width > 0 else { return [] }
        // Split into words (with their styles) and the spaces between them.
        var tokens: [Token] = []
        for run in runs {
            if run.text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
                // Printable ASCII: split at spaces on the bytes, no grapheme breaking.
                appendASCIITokens(of: run, to: &tokens)
                continue
            }
            var current = ""
            var currentIsSpace: Bool?
            func flush() {
                guard let isSpace = currentIsSpace, !current.isEmpty else { return }
                let piece = StyledRun(current, style: run.style)
                if let last = tokens.last, last.isSpace == isSpace, !isSpace {
                    tokens[tokens.count - 1].pieces.append(piece)
                    tokens[tokens.count - 1].width += TextWidth.of(current)
                } else {
                    tokens.append(([piece], isSpace, TextWidth.of(current)))
                }
                current = ""
            }
            for character in run.text {
                let isSpace = character == " "
                if currentIsSpace != isSpace { flush(); currentIsSpace = isSpace }
                current.append(character)
            }
            flush()
        }

        return lay(tokens, width: width)
    }

    private typealias Token = (pieces: StyledLine, isSpace: Bool, width: Int)

    /// Splits an ASCII run into words and spaces, joining a word onto a word
    /// that ended the previous run ("Recall" + ":" is one word).
    private static func appendASCIITokens(of run: StyledRun, to tokens: inout [Token]) {
        let bytes = Array(run.text.utf8)
        var start = 0
        while start < bytes.count {
            let isSpace = bytes[start] == 0x20
            var end = start
            while end < bytes.count && (bytes[end] == 0x20) == isSpace { end += 1 }
            let text = String(decoding: bytes[start..<end], as: UTF8.self)
            let piece = StyledRun(text, style: run.style)
            if let last = tokens.last, !last.isSpace, !isSpace {
                tokens[tokens.count - 1].pieces.append(piece)
                tokens[tokens.count - 1].width += end - start
            } else {
                tokens.append(([piece], isSpace, end - start))
            }
            start = end
        }
    }

    /// Lays words and spaces out into lines of at most `width` columns.
    private static func lay(_ tokens: [Token], width: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        var line: StyledLine = []
        var lineWidth = 0
        var pendingSpace: (pieces: StyledLine, width: Int)?
        func endLine() {
            lines.append(line)
            line = []
            lineWidth = 0
            pendingSpace = nil
        }
        for token in tokens {
            if token.isSpace {
                if lineWidth > 0 { pendingSpace = (token.pieces, token.width) }
                continue
            }
            let spaceWidth = pendingSpace?.width ?? 0
            if lineWidth > 0 && lineWidth + spaceWidth + token.width > width { endLine() }
            if let space = pendingSpace, lineWidth > 0 {
                line += space.pieces
                lineWidth += space.width
            }
            pendingSpace = nil
            if token.width <= width - lineWidth {
                line += token.pieces
                lineWidth += token.width
                continue
            }
            // A word wider than a whole line: cut it by graphemes.
            for piece in token.pieces {
                var chunk = ""
                for character in piece.text {
                    let characterWidth = TextWidth.of(character)
                    if lineWidth + characterWidth > width {
                        if !chunk.isEmpty { line.append(StyledRun(chunk, style: piece.style)) }
                        chunk = ""
                        endLine()
                    }
                    chunk.append(character)
                    lineWidth += characterWidth
                }
                if !chunk.isEmpty { line.append(StyledRun(chunk, style: piece.style)) }
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }
}
