# Settings: who this device is, other devices, the recovery code, sync.
settings-title = Settings
settings-name = Name
settings-project = Project
settings-role = Role
settings-organiser = Organiser
settings-resident = Resident
settings-hub = Hub
settings-link-title = Link another device
settings-link-text = Use your account on a second phone or computer. Get a code here, then type it on the other device under “Have a code from another device or an organiser?”. The code works once, for 10 minutes. Private entries stay on the device they were written on; shared entries, sign-ups and ideas come along.
settings-link-button = Link another device
settings-recovery-title = Recovery code
settings-recovery-text = No other device? Write this code down and keep it safe. If you forget your PIN, remove the profile on the lock screen and add it again with this code: shared entries, sign-ups and ideas come back; private entries cannot. Anyone with the code can open your account, so keep it to yourself.
settings-recovery-button = Get a recovery code
settings-sync-title = Sync
settings-sync-text = Your entries are saved on this device first. They go to the project's hub whenever there is a network.
settings-sync-now = Sync now
code-getting = Getting a code…
code-yours = Your code:
code-valid-once-until = Valid once, until { $time }.
code-valid-until = Valid until { $time }.
devices-title = Your devices
devices-text = These devices can open your account and sync it. If you see a device you do not know, remove it.
devices-network = Showing the list needs a network connection.
devices-loading = Getting your devices…
devices-show = Show my devices
devices-load-failed = Could not get your devices. This needs a network connection. { $reason }
devices-remove-failed = Could not remove { $name }. This needs a network connection. { $reason }
devices-removed = Removed { $name }. It no longer syncs.
devices-count =
    { $count ->
        [one] 1 device can open your account.
       *[other] { $count } devices can open your account.
    }
devices-this = (this device)
devices-added = Added { $time }
devices-remove-confirm = Remove { $name }? It will stop syncing at once.
devices-removing = Removing…
devices-remove-yes = Yes, remove
devices-remove = Remove
devices-remove-label = Remove { $name }
settings-data-title = Your data
settings-data-text = Download everything of yours this device holds as one file (JSON): your diary and what you shared, your private entries on this device, your sign-ups, ideas, supports and comments. Keep it somewhere safe: private entries are in it.
settings-data-button = Download my data
settings-data-preparing = Preparing the file…

## An organiser removes a resident's lost device.
resident-devices-title = A resident's devices
resident-devices-text = If someone has lost a phone or a tablet, remove it here: it stops syncing at once, and whoever has it can no longer open their account with it. Their entries stay.
resident-devices-find = Find residents
resident-devices-finding = Getting the residents…
resident-devices-find-failed = Could not get the residents. This needs a network connection. { $reason }
resident-devices-choose = Resident
resident-devices-show = Show their devices
resident-devices-loading = Getting their devices…
resident-devices-load-failed = Could not get their devices. This needs a network connection. { $reason }
resident-devices-count =
    { $count ->
        [0] No device can open their account.
        [one] 1 device can open their account.
       *[other] { $count } devices can open their account.
    }

## Deleting the account (after "Your data").
delete-account-title = Delete my account
delete-account-text = Your account is deleted on the hub: your diary entries you shared, your sign-ups and tickets, your name and your devices. This device then forgets this profile, with its private entries. It cannot be undone, so download your data first if you want to keep it. This needs a network connection.
delete-account-ideas = Your ideas and comments
delete-account-remove = Remove them
delete-account-remove-hint = They disappear from the project, with their supports.
delete-account-anonymise = Keep them without my name
delete-account-anonymise-hint = Others can still read and support them; nobody can tell they were yours.
delete-account-button = Delete my account…
delete-account-confirm = Delete your account for good? This cannot be undone.
delete-account-yes = Yes, delete my account
delete-account-deleting = Deleting…
