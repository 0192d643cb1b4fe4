import Testing

@Test func placeholderMeetGraphStore() {}
