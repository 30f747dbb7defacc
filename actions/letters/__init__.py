"""Letters to legislators: the LetterPage, its placeholders, the ZIP lookup flow, the letters
written (counted, with nothing personal kept) and the optional email copy. docs/letters.md."""
