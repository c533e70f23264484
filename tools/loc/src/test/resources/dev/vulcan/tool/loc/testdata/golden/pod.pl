#!/usr/bin/perl
# comment
print "hi\n";

=pod

Docs here.

=cut

my $x = 1;
__END__
data
more
