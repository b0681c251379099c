# Bash completion: one script, and a link to it per command name, as
# bash-completion looks scripts up by the command's name.
bashcompletiondir = $(datadir)/bash-completion/completions
dist_bashcompletion_DATA = scripts/bash-completion/lvm
BASH_COMPLETION_NAMES = $(LVM_COMMANDS) fullreport
install-data-hook:
	cd $(DESTDIR)$(bashcompletiondir) && for c in $(BASH_COMPLETION_NAMES); do \
		rm -f $$c; $(LN_S) lvm $$c; done
uninstall-local:
	cd $(DESTDIR)$(bashcompletiondir) && for c in $(BASH_COMPLETION_NAMES); do rm -f $$c; done
