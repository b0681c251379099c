#include <stdio.h>

int main(void)
{
	fputs("openlvm: not yet built\n", stderr);
	return 5;
}
