/// Breaks styled text into lines of at most a given width, at spaces where it
/// can and inside a word only when the word alone is wider than a line.
///
///     TextWrapper.wrap([StyledRun("Reduces inference costs by up to 75%.")], width: 16)
///     // "Reduces", "inference costs" … as three lines of runs
///
/// Styles are kept across breaks; the spaces at a break are dropped.
///
/// The text is never copied word by word: words and spaces are ranges into
/// the runs, and a line keeps one run for each stretch of one source run, so
/// a wrapped paragraph in one style gives one string per line. (This runs
/// for every line of the detail pane on every key.)
public enum TextWrapper {
    public static func wrap(_ runs: [StyledRun], width: Int) -> [StyledLine] {
        guard width > 0 else { return [] }
        var splitter = Splitter(runs: runs)
        for index in runs.indices { splitter.split(run: index) }
        var layout = Layout(runs: runs, width: width)
        for token in splitter.tokens { layout.place(token, pieces: splitter.pieces) }
        return layout.finish()
    }

    /// A stretch of one run: `runs[run].text[range]`.
    private struct Piece {
        var run: Int
        var range: Range<String.Index>
    }

    /// A word (possibly across runs: "Recall" + ":") or the spaces between
    /// words: `pieces[pieces]`, `width` columns.
    private struct Token {
        var pieces: Range<Int>
        var isSpace: Bool
        var width: Int
    }

    /// Cuts runs into words and spaces.
    private struct Splitter {
        let runs: [StyledRun]
        var pieces: [Piece] = []
        var tokens: [Token] = []

        mutating func split(run index: Int) {
            let text = runs[index].text
            if PrintableASCII.test(text) {
                // Printable ASCII: split at spaces on the bytes, no grapheme breaking.
                let utf8 = text.utf8
                var start = utf8.startIndex
                while start < utf8.endIndex {
                    let isSpace = utf8[start] == 0x20
                    var end = start
                    var width = 0
                    while end < utf8.endIndex && (utf8[end] == 0x20) == isSpace {
                        utf8.formIndex(after: &end)
                        width += 1
                    }
                    add(Piece(run: index, range: start..<end), isSpace: isSpace, width: width)
                    start = end
                }
                return
            }
            var start = text.startIndex
            while start < text.endIndex {
                let isSpace = text[start] == " "
                var end = start
                var width = 0
                while end < text.endIndex && (text[end] == " ") == isSpace {
                    width += TextWidth.of(text[end])
                    text.formIndex(after: &end)
                }
                add(Piece(run: index, range: start..<end), isSpace: isSpace, width: width)
                start = end
            }
        }

        /// A word straight after a word (from the previous run) joins it.
        private mutating func add(_ piece: Piece, isSpace: Bool, width: Int) {
            pieces.append(piece)
            if let last = tokens.last, !last.isSpace, !isSpace {
                tokens[tokens.count - 1].pieces = last.pieces.lowerBound..<pieces.count
                tokens[tokens.count - 1].width += width
            } else {
                tokens.append(Token(pieces: (pieces.count - 1)..<pieces.count, isSpace: isSpace, width: width))
            }
        }
    }

    /// Lays words and spaces out into lines of at most `width` columns.
    private struct Layout {
        let runs: [StyledRun]
        let width: Int
        var lines: [StyledLine] = []
        var line: [Piece] = []
        var lineWidth = 0
        var pendingSpace: Token?

        init(runs: [StyledRun], width: Int) {
            self.runs = runs
            self.width = width
        }

        mutating func place(_ token: Token, pieces: [Piece]) {
            if token.isSpace {
                if lineWidth > 0 { pendingSpace = token }
                return
            }
            let spaceWidth = pendingSpace?.width ?? 0
            if lineWidth > 0 && lineWidth + spaceWidth + token.width > width { endLine() }
            if let space = pendingSpace, lineWidth > 0 {
                for piece in pieces[space.pieces] { append(piece) }
                lineWidth += space.width
            }
            pendingSpace = nil
            if token.width <= width - lineWidth {
                for piece in pieces[token.pieces] { append(piece) }
                lineWidth += token.width
                return
            }
            // A word wider than a whole line: cut it by graphemes.
            for piece in pieces[token.pieces] {
                let text = runs[piece.run].text
                var chunkStart = piece.range.lowerBound
                var index = chunkStart
                while index < piece.range.upperBound {
                    let characterWidth = TextWidth.of(text[index])
                    if lineWidth + characterWidth > width {
                        if chunkStart < index { append(Piece(run: piece.run, range: chunkStart..<index)) }
                        chunkStart = index
                        endLine()
                    }
                    lineWidth += characterWidth
                    text.formIndex(after: &index)
                }
                if chunkStart < piece.range.upperBound {
                    append(Piece(run: piece.run, range: chunkStart..<piece.range.upperBound))
                }
            }
        }

        mutating func finish() -> [StyledLine] {
            if !line.isEmpty || lines.isEmpty { lines.append(styledLine()) }
            return lines
        }

        /// Adds a piece to the line, joining it to the last when it goes on
        /// where that one ended in the same run.
        private mutating func append(_ piece: Piece) {
            if let last = line.last, last.run == piece.run, last.range.upperBound == piece.range.lowerBound {
                line[line.count - 1].range = last.range.lowerBound..<piece.range.upperBound
            } else {
                line.append(piece)
            }
        }

        private mutating func endLine() {
            lines.append(styledLine())
            line.removeAll(keepingCapacity: true)
            lineWidth = 0
            pendingSpace = nil
        }

        private func styledLine() -> StyledLine {
            line.map { piece in StyledRun(String(runs[piece.run].text[piece.range]), style: runs[piece.run].style) }
        }
    }
}
