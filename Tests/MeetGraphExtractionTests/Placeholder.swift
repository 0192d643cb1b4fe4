import Testing

@Test func placeholderMeetGraphExtraction() {}
