import MeetGraphStore
import Testing

@Test(arguments: [
    ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    // 56 bytes: the padding spills into a second block.
    ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
     "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
])
func sha256MatchesThePublishedTestVectors(text: String, digest: String) {
    #expect(ContentHash.sha256(of: text) == digest)
}

@Test func sha256OfChineseTextHashesItsUTF8Bytes() {
    // 会议 in UTF-8 is e4 bc 9a e8 ae ae; the digest must not depend on how the bytes are passed.
    #expect(ContentHash.sha256(of: "会议") == ContentHash.sha256(of: [0xe4, 0xbc, 0x9a, 0xe8, 0xae, 0xae] as [UInt8]))
    #expect(ContentHash.sha256(of: "会议") != ContentHash.sha256(of: "會議"))
}
