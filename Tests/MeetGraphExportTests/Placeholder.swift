import Testing

@Test func placeholderMeetGraphExport() {}
