# Residents' ideas: the list, a new idea, one idea with its path and comments, the inbox.
ideas-title = Ideas
ideas-new = New idea
ideas-find = Find ideas
ideas-search = Search
ideas-theme = Theme
ideas-all-themes = All themes
ideas-status = Status
ideas-any-status = Any status
ideas-order = Order
ideas-newest-first = Newest first
ideas-most-supported-first = Most supported first
ideas-none = No ideas match. Write the first one!
ideas-your-idea = your idea
ideas-hidden-default = reported by several people, waiting for the organisers
idea-anonymous = Anonymous
idea-hidden = Hidden from others: { $reason }
idea-supporters =
    { $count ->
        [0] No supporters yet
        [one] 1 supporter
       *[other] { $count } supporters
    }
idea-status-received = received
idea-status-under-consideration = under consideration
idea-status-accepted = accepted
idea-status-declined = declined
idea-status-in-progress = in progress
idea-status-done = done
# Support and report buttons.
idea-support = Support
idea-supported = Supported ✓
idea-support-label = Support: { $title }
idea-report = Report
idea-report-idea = Report { $title }
idea-report-comment = Report comment
idea-reported = You reported this.
idea-report-why = Why should the organisers look at this?
idea-report-send = Send report
idea-report-never-mind = Never mind
# Writing or editing an idea.
idea-new-title = New idea
idea-new-intro = What would make the neighbourhood better? Organisers answer every idea, and you can follow what happens to it.
idea-form-title = Title
idea-form-description = Describe your idea
idea-form-choose-theme = Choose a theme
idea-form-anonymous = Publish without my name
idea-saving = Saving…
idea-submit = Submit idea
idea-save-changes = Save changes
idea-error-no-title = Give the idea a title.
idea-error-title-too-long = The title is too long. Keep it to { $max } characters.
idea-error-description-too-long = The description is too long. Keep it to { $max } characters.
# One idea.
idea-saved-title = Your idea is saved
idea-saved-text = It is on this device and will be published when it reaches the hub.
idea-not-found-title = Idea not found
idea-not-found-text = It may not have reached this device yet.
idea-back = Back to ideas
idea-an-event = an event
idea-another-idea = another idea
idea-hidden-default = several people reported it; the organisers will review it.
idea-status-line = Status: { $status }
idea-discussed-at = Discussed at:
idea-merged-into = Merged into:
idea-withdraw = Withdraw my idea
idea-edit = Edit my idea
idea-path-title = What has happened
idea-path-received = Received { $date }
idea-milestones = Milestones
idea-comments-heading = Comments ({ $count })
idea-comment-hidden = hidden
idea-comment-label = Your comment
idea-comment-anonymous = Comment without my name
idea-comment-send = Send comment
# Organisers: linking an idea to an event or merging it into another.
idea-link-event = Linked event
idea-link-merged = Merged into
idea-link-none = None
idea-links-save = Save links
idea-links-saved = Links saved on this device.
# The inbox: what happened to your ideas and the ideas you support.
inbox-title = Inbox
inbox-empty = Nothing new yet. When an idea you wrote or support moves on, you will read it here.
inbox-now = Now: { $status }.
inbox-now-note = Now: { $status }. “{ $note }”
inbox-milestone = New milestone: { $title }
inbox-hidden-by-organisers = Hidden by the organisers: { $reason }
inbox-hidden-reported = Hidden for now: several people reported it. The organisers will review it.
inbox-restored = Visible again.
idea-error-no-comment = Write a comment first.
idea-error-comment-too-long = The comment is too long. Keep it to { $max } characters.
