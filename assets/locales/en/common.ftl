# The frame around every screen: header, navigation, status line.
skip-to-content = Skip to content
nav-main = Main
nav-account = Account
nav-diary = Diary
nav-events = Events
nav-ideas = Ideas
nav-organise = Organise
nav-inbox = Inbox
nav-inbox-unread = Inbox ({ $count } new)
nav-settings = Settings
lock-button = { $name } · Lock
lock-button-label = Lock (switch profile)
loading = Opening your diary…
storage-failed-title = Kumppani cannot save on this device
clock-skew = This device's clock is about { $amount } off. Entry dates come from this clock, so they may look wrong.
skew-minutes = { $count } minutes
skew-hours = { $count } hours
sync-saved = Saved on this device
sync-waiting =
    { $count ->
        [one] 1 change waiting to sync
       *[other] { $count } changes waiting to sync
    }
sync-syncing = Syncing…
sync-synced-at = Synced at { $time }
sync-offline = Offline · saved on this device
sync-offline-waiting = Offline · { $waiting }
sync-cannot-reach = Cannot reach hub: { $reason }
sync-cannot-reach-waiting = Cannot reach hub: { $reason } · { $waiting }
language-label = Language
cancel = Cancel
keep-it = Keep it
inbox-announce =
    { $count ->
        [one] 1 new message in your inbox
       *[other] { $count } new messages in your inbox
    }
