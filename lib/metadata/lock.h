/*
 * File locks that serialise commands: one per VG ("V_<name>") and one
 * global lock ("P_global") for orphan PVs and the VG namespace.  Locks are
 * flock(2) locks, released when the command's descriptors close, so a
 * crashed command never leaves a lock behind.
 */
#ifndef OPENLVM_LOCK_H
#define OPENLVM_LOCK_H

#define LOCK_GLOBAL "P_global"

/*
 * Takes the lock named `name` under lock_dir (created if missing), shared
 * or exclusive.  wait_seconds < 0 waits forever, 0 fails at once.
 * Returns the descriptor to close to unlock, or -1 (reported).
 */
int lock_take(const char *lock_dir, const char *name, int exclusive, int wait_seconds);

/* "V_<vgname>" into buf. */
const char *lock_vg_name(const char *vg_name, char *buf, unsigned len);

#endif
